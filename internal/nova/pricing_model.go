package nova

type pricingModel struct {
	Prices map[string]float64 `tfsdk:"prices"`
}
