package nova

import (
	"context"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewOffersDataSource is gpucloud_nova_offers.
func NewOffersDataSource() datasource.DataSource { return &offersDataSource{} }

type offersDataSource struct{ publicHolder }

type offersModel struct {
	GPUType         types.String  `tfsdk:"gpu_type"`
	MinGPUCount     types.Int64   `tfsdk:"min_gpu_count"`
	AvailableOnly   types.Bool    `tfsdk:"available_only"`
	MaxPricePerHour types.Float64 `tfsdk:"max_price_per_hour"`
	Interruptible   types.Bool    `tfsdk:"interruptible"`
	Offers          []offerModel  `tfsdk:"offers"`
}

type offerModel struct {
	GPUType           string  `tfsdk:"gpu_type"`
	GPUCount          int64   `tfsdk:"gpu_count"`
	GPUMemoryGB       float64 `tfsdk:"gpu_memory_gb"`
	GPUPricePerHour   float64 `tfsdk:"gpu_price_per_hour"`
	InterruptibleRate float64 `tfsdk:"interruptible_rate"`
	PricePerHour      float64 `tfsdk:"price_per_hour"`
	Available         bool    `tfsdk:"available"`
	Location          string  `tfsdk:"location"`
}

func (d *offersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_nova_offers"
}

func (d *offersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Nova Cloud's public GPU offers (`GET /search`), filtered, cheapest first. Needs no credentials.",
		Attributes: map[string]schema.Attribute{
			"gpu_type":           schema.StringAttribute{Optional: true, MarkdownDescription: "Only this GPU: `5090`, `4090` or `6000pro`."},
			"min_gpu_count":      schema.Int64Attribute{Optional: true, Validators: []validator.Int64{int64validator.AtLeast(1)}, MarkdownDescription: "Only offers of at least this many GPUs."},
			"available_only":     schema.BoolAttribute{Optional: true, MarkdownDescription: "Only offers that can be rented now."},
			"max_price_per_hour": schema.Float64Attribute{Optional: true, Validators: []validator.Float64{float64validator.AtLeast(0)}, MarkdownDescription: "Only offers whose `price_per_hour` is at most this."},
			"interruptible":      schema.BoolAttribute{Optional: true, MarkdownDescription: "Price offers at the interruptible rate instead of on demand."},
			"offers": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The matching offers, cheapest first.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"gpu_type":           schema.StringAttribute{Computed: true, MarkdownDescription: "GPU, for `gpu_type`."},
					"gpu_count":          schema.Int64Attribute{Computed: true, MarkdownDescription: "GPUs, for `gpu_count`."},
					"gpu_memory_gb":      schema.Float64Attribute{Computed: true, MarkdownDescription: "Memory per GPU in GB."},
					"gpu_price_per_hour": schema.Float64Attribute{Computed: true, MarkdownDescription: "On-demand price of one GPU per hour, in USD."},
					"interruptible_rate": schema.Float64Attribute{Computed: true, MarkdownDescription: "Interruptible price of one GPU per hour, in USD."},
					"price_per_hour":     schema.Float64Attribute{Computed: true, MarkdownDescription: "Price of the whole offer per hour in USD, at the rate asked for."},
					"available":          schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it can be rented now."},
					"location":           schema.StringAttribute{Computed: true, MarkdownDescription: "Where."},
				}},
			},
		},
	}
}

func (d *offersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *offersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	sharedschema.ReadDataSource(ctx, req, resp, "searching Nova Cloud offers", func(ctx context.Context, m *offersModel) error {
		offers, err := d.client.Search(ctx)
		m.Offers = filterOffers(offers, *m)
		return err
	})
}

func filterOffers(offers []api.Offer, f offersModel) []offerModel {
	out := []offerModel{}
	for _, o := range offers {
		rate := float64(o.GPUPriceHourly)
		if f.Interruptible.ValueBool() {
			rate = float64(o.InterruptibleRate)
		}
		m := offerModel{
			GPUType: o.GPUType, GPUCount: o.GPUCount, GPUMemoryGB: float64(o.GPURAMMB) / 1024, GPUPricePerHour: float64(o.GPUPriceHourly),
			InterruptibleRate: float64(o.InterruptibleRate), PricePerHour: rate * float64(o.GPUCount), Available: bool(o.Available), Location: o.Location,
		}
		switch {
		case !f.GPUType.IsNull() && !strings.EqualFold(f.GPUType.ValueString(), m.GPUType),
			m.GPUCount < f.MinGPUCount.ValueInt64(),
			f.AvailableOnly.ValueBool() && !m.Available,
			!f.MaxPricePerHour.IsNull() && m.PricePerHour > f.MaxPricePerHour.ValueFloat64():
			continue
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].PricePerHour < out[j].PricePerHour })
	return out
}

// NewPricingDataSource is gpucloud_nova_pricing.
func NewPricingDataSource() datasource.DataSource { return &pricingDataSource{} }

type pricingDataSource struct{ publicHolder }

type pricingModel struct {
	Prices map[string]float64 `tfsdk:"prices"`
}

func (d *pricingDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_nova_pricing"
}

func (d *pricingDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Nova Cloud's current on-demand price per GPU and hour, by GPU type (`GET /pricing`). Needs no credentials.",
		Attributes: map[string]schema.Attribute{
			"prices": schema.MapAttribute{Computed: true, ElementType: types.Float64Type, MarkdownDescription: "Price per GPU and hour in USD, by `gpu_type`."},
		},
	}
}

func (d *pricingDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *pricingDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	sharedschema.ReadDataSource(ctx, req, resp, "reading Nova Cloud pricing", func(ctx context.Context, m *pricingModel) error {
		prices, err := d.client.Pricing(ctx)
		m.Prices = prices
		return err
	})
}

// NewImagesDataSource is gpucloud_nova_images.
func NewImagesDataSource() datasource.DataSource { return &imagesDataSource{} }

type imagesDataSource struct{}

type imagesModel struct {
	Images []imageModel `tfsdk:"images"`
}

type imageModel struct {
	TemplateVMID int64  `tfsdk:"template_vmid"`
	Name         string `tfsdk:"name"`
	DisplayName  string `tfsdk:"display_name"`
	Description  string `tfsdk:"description"`
	Access       string `tfsdk:"access"`
}

func (d *imagesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_nova_images"
}

func (d *imagesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The OS templates Nova Cloud documents for `template_vmid`, all Ubuntu-based. Needs no credentials and makes no request.",
		Attributes: map[string]schema.Attribute{
			"images": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The templates.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"template_vmid": schema.Int64Attribute{Computed: true, MarkdownDescription: "For `template_vmid`."},
					"name":          str("For `image`."), "display_name": str("Display name."), "description": str("What it contains."),
					"access": str("How to reach it: SSH, and for some a web UI and Jupyter."),
				}},
			},
		},
	}
}

func (d *imagesDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	m := imagesModel{Images: []imageModel{}}
	for _, t := range templates {
		m.Images = append(m.Images, imageModel{TemplateVMID: t.VMID, Name: t.Name, DisplayName: t.Display, Description: t.Description, Access: t.To})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
