package sharedschema

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Price is what every instance resource says of its price: planned from
// the cloud's catalogue, the cloud's own once it runs, and an optional
// ceiling.
type Price struct {
	PricePerHour    types.Float64 `tfsdk:"price_per_hour"`
	Currency        types.String  `tfsdk:"currency"`
	MaxPricePerHour types.Float64 `tfsdk:"max_price_per_hour"`
}

// PriceAttributes are the three attributes of Price. basis says what the
// planned price is of, such as "the instance type at the chosen location".
func PriceAttributes(basis string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		// Not kept from state in a plan that changes the machine: a resize
		// or a stop can change its price.
		"price_per_hour": schema.Float64Attribute{
			Computed: true,
			MarkdownDescription: fmt.Sprintf("Price per hour in `currency`. A plan shows it from the cloud's catalogue (%s); "+
				"once the machine exists it is the price the cloud reports, which a later refresh shows when the two differ.", basis),
		},
		"currency": schema.StringAttribute{
			Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			MarkdownDescription: "Currency of `price_per_hour`, such as `USD`.",
		},
		"max_price_per_hour": schema.Float64Attribute{
			Optional: true, Validators: []validator.Float64{float64validator.AtLeast(0)},
			MarkdownDescription: "The most you will pay per hour, in `currency`. A plan whose price is higher fails, and so does a " +
				"create when the cloud's price has risen above it since the plan. Unset by default: no ceiling.",
		},
	}
}

// Merge adds attrs to a schema's attributes.
func Merge(into map[string]schema.Attribute, attrs map[string]schema.Attribute) map[string]schema.Attribute {
	for k, v := range attrs {
		into[k] = v
	}
	return into
}

// Above reports whether price exceeds the configured ceiling.
func (p Price) Above(price float64) bool {
	return !p.MaxPricePerHour.IsNull() && !p.MaxPricePerHour.IsUnknown() && price > p.MaxPricePerHour.ValueFloat64()
}

// Planned is p, the price a create read from the cloud, with what the plan
// knew of it kept: Terraform requires an apply to keep the values its plan
// showed, and a later refresh shows the cloud's own when they differ.
func (p Price) Planned(plan Price) Price {
	if !plan.PricePerHour.IsUnknown() && !plan.PricePerHour.IsNull() {
		p.PricePerHour = plan.PricePerHour
	}
	if !plan.Currency.IsUnknown() && !plan.Currency.IsNull() {
		p.Currency = plan.Currency
	}
	p.MaxPricePerHour = plan.MaxPricePerHour
	return p
}
