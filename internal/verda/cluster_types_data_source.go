package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewClusterTypesDataSource is gpucloud_verda_cluster_types.
func NewClusterTypesDataSource() datasource.DataSource {
	var d clientHolder
	str, integer := sharedschema.ComputedString, sharedschema.ComputedInt
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[clusterTypesModel]{
		Name: "verda_cluster_types", Configure: d.configure, Doing: "listing Verda cluster types",
		Schema: schema.Schema{
			MarkdownDescription: "Verda's instant cluster types, with their prices in the currency asked for and the locations that can deploy each now.",
			Attributes: map[string]schema.Attribute{
				"currency": schema.StringAttribute{
					Optional: true, Validators: []validator.String{stringvalidator.OneOf("usd", "eur")},
					MarkdownDescription: "`usd` or `eur`. Unset by default: Verda's default, `usd`.",
				},
				"cluster_types": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The cluster types, cheapest first.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"cluster_type": str("Type, for `gpucloud_verda_cluster.cluster_type`."), "model": str("GPU model."), "name": str("Display name."),
						"gpu_count": integer("GPUs."), "cpu_cores": integer("vCPUs."), "memory_gb": integer("RAM in GB."),
						"price_per_hour": sharedschema.ComputedFloat("Price per hour."), "currency": str("Currency of the price."),
						"available_locations": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Locations that can deploy it now."},
					}},
				},
			},
		},
		Fill: func(ctx context.Context, m *clusterTypesModel) error {
			all, err := d.Client.ListClusterTypes(ctx, m.Currency.ValueString())
			if err != nil {
				return err
			}
			avail, err := d.Client.ListClusterAvailability(ctx)
			m.ClusterTypes = clusterTypesFromAPI(all, avail)
			return err
		},
	})
}
