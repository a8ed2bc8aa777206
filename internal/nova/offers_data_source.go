package nova

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewOffersDataSource is gpucloud_nova_offers.
func NewOffersDataSource() datasource.DataSource {
	var d publicHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[offersModel]{
		Name: "nova_offers", Configure: d.configure, Doing: "searching Nova Cloud offers",
		Schema: schema.Schema{
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
		},
		Fill: func(ctx context.Context, m *offersModel) error {
			offers, err := d.Client.Search(ctx)
			m.Offers = offersFromAPI(offers, *m)
			return err
		},
	})
}
