package nova

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewPricingDataSource is gpucloud_nova_pricing.
func NewPricingDataSource() datasource.DataSource { return &pricingDataSource{} }

type pricingDataSource struct{ publicHolder }

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
		prices, err := d.Client.Pricing(ctx)
		m.Prices = prices
		return err
	})
}
