package nova

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewPricingDataSource is gpucloud_nova_pricing.
func NewPricingDataSource() datasource.DataSource {
	var d publicHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[pricingModel]{
		Name: "nova_pricing", Configure: d.configure, Doing: "reading Nova Cloud pricing",
		Schema: schema.Schema{
			MarkdownDescription: "Nova Cloud's current on-demand price per GPU and hour, by GPU type (`GET /pricing`). Needs no credentials.",
			Attributes: map[string]schema.Attribute{
				"prices": schema.MapAttribute{Computed: true, ElementType: types.Float64Type, MarkdownDescription: "Price per GPU and hour in USD, by `gpu_type`."},
			},
		},
		Fill: func(ctx context.Context, m *pricingModel) error {
			prices, err := d.Client.Pricing(ctx)
			m.Prices = prices
			return err
		},
	})
}
