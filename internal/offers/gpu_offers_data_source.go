package offers

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
)

// NewDataSource is gpucloud_gpu_offers.
func NewDataSource() datasource.DataSource { return &dataSource{} }

type dataSource struct{ clients *providerdata.Clients }

// DefaultCurrency is the currency prices are compared in unless asked otherwise.
const DefaultCurrency = "USD"

func upperKeys(m map[string]float64) map[string]float64 {
	out := make(map[string]float64, len(m))
	for k, v := range m {
		out[strings.ToUpper(k)] = v
	}
	return out
}

var offerDescriptions = map[string]string{
	"cloud": "`verda`, `tensordock`, `bluelobster` or `nova`.", "gpu_model": "GPU model in one naming across clouds, such as `H100-80GB`.",
	"cloud_gpu_name": "The cloud's own name for the GPU.", "gpu_count": "GPUs.", "gpu_memory_gb": "Memory per GPU in GB.",
	"vcpus": "vCPUs, where the cloud says.", "memory_gb": "RAM in GB, where the cloud says.", "location": "Location or region.",
	"country": "ISO 3166 country code.", "price_per_hour": "Price per hour of the whole offer, in `currency`.", "currency": "Currency of the price: the search's `currency`.",
	"cloud_price_per_hour": "The price as the cloud states it, in `cloud_currency`.", "cloud_currency": "The cloud's currency for this offer, such as `USD` or `EUR`.",
	"launchable":            "Whether the cloud's instance resource can launch this offer with the arguments it carries.",
	"not_launchable_reason": "Why it cannot, when `launchable` is false.",
	"spot":                  "Whether it is a spot (or interruptible) offer that may be reclaimed.",
	"verda_instance_type":   "For `gpucloud_verda_instance.instance_type`.", "verda_location_code": "For `gpucloud_verda_instance.location_code`.",
	"tensordock_hostnode_id": "For `gpucloud_tensordock_instance.hostnode_id`.", "tensordock_gpu_model": "For `gpucloud_tensordock_instance.gpu_model`.",
	"tensordock_vcpu_count": "For `vcpu_count`: the price includes this many vCPUs.", "tensordock_ram_gb": "For `ram_gb`: the price includes this much RAM (and 200 GB of disk).",
	"bluelobster_instance_type": "For `gpucloud_bluelobster_instance.instance_type`.", "bluelobster_region": "For `gpucloud_bluelobster_instance.region`.",
	"nova_node": "For `gpucloud_nova_instance.node`.", "nova_gpu_type": "For `gpu_type`.", "nova_gpu_count": "For `gpu_count`.",
}

func (d *dataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_gpu_offers"
}

func (d *dataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	nested := map[string]schema.Attribute{}
	for name, t := range offerAttrs {
		desc := offerDescriptions[name]
		switch t {
		case types.StringType:
			nested[name] = schema.StringAttribute{Computed: true, MarkdownDescription: desc}
		case types.Int64Type:
			nested[name] = schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
		case types.Float64Type:
			nested[name] = schema.Float64Attribute{Computed: true, MarkdownDescription: desc}
		case types.BoolType:
			nested[name] = schema.BoolAttribute{Computed: true, MarkdownDescription: desc}
		}
	}
	cheapest := map[string]schema.Attribute{}
	for name, a := range nested {
		cheapest[name] = a
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "GPU offers from every configured cloud at once (Verda instance types by location, TensorDock " +
			"hostnodes, Blue Lobster instance types by region, Nova Cloud's public search), in one list with one GPU naming, " +
			"sorted by price over the whole list. Each offer carries what its cloud's instance resource needs to launch it. " +
			"A cloud that fails to answer is a warning and the others still count, unless `require_all_clouds` is true. " +
			"Prices are compared in one `currency` (`USD` by default): an offer in another is converted at the rate `exchange_rates` " +
			"gives, or left out with a warning; offers in two currencies are never ranked against each other unconverted. " +
			"novitai is not searched: its API states no prices. Nova Cloud's public search does not say which node an offer is on, " +
			"which `gpucloud_nova_instance` needs; such an offer is listed with `launchable = false`, and `cheapest` is the " +
			"cheapest offer that can be launched. " +
			"Prices move: see the cheapest-GPU guide for keeping an instance from following them.",
		Attributes: map[string]schema.Attribute{
			"gpu_models": schema.SetAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Only these models, in the canonical naming (`H100-80GB`, `A100-80GB`, `RTX4090-24GB`, `RTX5090-32GB`, ...).",
			},
			"min_gpu_count":      schema.Int64Attribute{Optional: true, Validators: []validator.Int64{int64validator.AtLeast(1)}, MarkdownDescription: "Only offers of at least this many GPUs."},
			"min_gpu_memory_gb":  schema.Float64Attribute{Optional: true, Validators: []validator.Float64{float64validator.AtLeast(0)}, MarkdownDescription: "Only GPUs with at least this much memory each."},
			"max_price_per_hour": schema.Float64Attribute{Optional: true, Validators: []validator.Float64{float64validator.AtLeast(0)}, MarkdownDescription: "Only offers costing at most this per hour."},
			"clouds": schema.SetAttribute{
				Optional: true, ElementType: types.StringType,
				Validators:          []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(CloudVerda, CloudTensorDock, CloudBlueLobster, CloudNova))},
				MarkdownDescription: "Only these clouds, of those configured: `verda`, `tensordock`, `bluelobster` or `nova`. Defaults to every configured cloud.",
			},
			"countries":          schema.SetAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Only offers in these countries, as ISO codes such as `US` or `FI`."},
			"spot_allowed":       schema.BoolAttribute{Optional: true, MarkdownDescription: "Include spot and interruptible offers. Defaults to `false`."},
			"require_all_clouds": schema.BoolAttribute{Optional: true, MarkdownDescription: "Fail when any cloud asked fails to answer, instead of warning. Defaults to `false`."},
			"offers": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The matching offers, cheapest first.",
				NestedObject: schema.NestedAttributeObject{Attributes: nested},
			},
			"currency": schema.StringAttribute{
				Optional:            true,
				Validators:          []validator.String{validate.CurrencyCode()},
				MarkdownDescription: "The currency to compare prices in, as an ISO 4217 code. Defaults to `USD`.",
			},
			"exchange_rates": schema.MapAttribute{
				Optional: true, ElementType: types.Float64Type,
				Validators: validate.ExchangeRates(),
				MarkdownDescription: "How much of `currency` one unit of another currency buys, such as `{ EUR = 1.08 }` when comparing in USD. " +
					"Offers in a currency with no rate here are left out, with a warning. Unset by default: only offers in `currency` count.",
			},
			"cheapest": schema.SingleNestedAttribute{Computed: true, Attributes: cheapest, MarkdownDescription: "The cheapest offer that can be launched, or null when there is none."},
		},
	}
}

func (d *dataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	clients, diags := providerdata.From(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	d.clients = clients
}

func setStrings(ctx context.Context, s types.Set) []string {
	var out []string
	if !s.IsNull() && !s.IsUnknown() {
		s.ElementsAs(ctx, &out, false)
	}
	return out
}

func (d *dataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m model
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	asked := setStrings(ctx, m.Clouds)
	all, failures := Search(ctx, d.clients, asked)
	if all == nil && len(failures) == 0 {
		resp.Diagnostics.AddError("No cloud to ask", "gpucloud_gpu_offers needs at least one configured cloud among Verda, TensorDock, Blue Lobster and Nova Cloud"+
			fmt.Sprintf(" (asked for %v). Configure one in the provider block.", asked))
		return
	}
	for _, f := range failures {
		summary := "Offers from " + f.Cloud + " are missing"
		if m.RequireAllClouds.ValueBool() {
			resp.Diagnostics.AddError(summary, apierr.Detail(f.Err)+"\n\nrequire_all_clouds is true, so no offers are returned.")
		} else {
			resp.Diagnostics.AddWarning(summary, apierr.Detail(f.Err)+"\n\nThe other clouds' offers are returned; set require_all_clouds to fail instead.")
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	currency := strings.ToUpper(m.Currency.ValueString())
	if currency == "" {
		currency = DefaultCurrency
	}
	rates := map[string]float64{}
	if !m.ExchangeRates.IsNull() && !m.ExchangeRates.IsUnknown() {
		resp.Diagnostics.Append(m.ExchangeRates.ElementsAs(ctx, &rates, false)...)
	}
	rates = upperKeys(rates)
	all, dropped := InCurrency(all, currency, rates)
	for cur, n := range dropped {
		resp.Diagnostics.AddAttributeWarning(path.Root("exchange_rates"), "Offers in "+cur+" left out",
			fmt.Sprintf("%d offers are priced in %s and exchange_rates gives no rate to compare them in %s. Add one, such as exchange_rates = { %s = 1.08 }, to include them.",
				n, cur, currency, cur))
	}
	f := Filter{
		GPUModels: setStrings(ctx, m.GPUModels), MinGPUCount: m.MinGPUCount.ValueInt64(), MinGPUMemoryGB: m.MinGPUMemoryGB.ValueFloat64(),
		MaxPrice: m.MaxPricePerHour.ValueFloat64Pointer(), Countries: setStrings(ctx, m.Countries), SpotAllowed: m.SpotAllowed.ValueBool(),
	}
	selected := Select(all, f)
	values := make([]attr.Value, len(selected))
	for i, o := range selected {
		values[i] = o.value()
	}
	m.Offers = types.ListValueMust(offerType, values)
	m.Cheapest = types.ObjectNull(offerAttrs)
	if o, ok := Cheapest(selected); ok {
		m.Cheapest = o.value()
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
