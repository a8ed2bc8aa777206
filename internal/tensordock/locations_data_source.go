package tensordock

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewLocationsDataSource is gpucloud_tensordock_locations.
func NewLocationsDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[locationsModel]{
		Name: "tensordock_locations", Configure: d.configure, Doing: "listing TensorDock locations",
		Schema: schema.Schema{
			MarkdownDescription: "TensorDock's locations with the GPUs each offers. Their stock can lag behind the hostnodes': " +
				"for a create that must succeed, pick a hostnode with `gpucloud_tensordock_hostnodes`.",
			Attributes: map[string]schema.Attribute{
				"locations": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "Every location.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"id": sharedschema.ComputedString("Location ID, for `gpucloud_tensordock_instance.location_id`."), "city": sharedschema.ComputedString("City."),
						"stateprovince": sharedschema.ComputedString("State or province."), "country": sharedschema.ComputedString("Country."),
						"tier": schema.Int64Attribute{Computed: true, MarkdownDescription: "Datacenter tier."},
						"gpus": schema.ListNestedAttribute{
							Computed: true, MarkdownDescription: "GPU models offered here.",
							NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
								"v0_name": sharedschema.ComputedString("GPU model, for `gpu_model`."), "display_name": sharedschema.ComputedString("Display name."),
								"max_count":      schema.Int64Attribute{Computed: true, MarkdownDescription: "Most GPUs of this model one machine can have here."},
								"price_per_hour": schema.Float64Attribute{Computed: true, MarkdownDescription: "Price per GPU and hour in USD."},
								"pricing": schema.MapAttribute{Computed: true, ElementType: types.Float64Type,
									MarkdownDescription: "The other prices with this GPU, as TensorDock names them (such as `per_vcpu_hr`); empty when not reported."},
								"network_features": schema.MapAttribute{Computed: true, ElementType: types.BoolType,
									MarkdownDescription: "Network features with this GPU, as TensorDock names them (such as `dedicated_ip_available`); empty when not reported."},
							}},
						},
					}},
				},
			},
		},
		Fill: func(ctx context.Context, m *locationsModel) error {
			locs, err := d.Client.ListLocations(ctx)
			m.Locations = locationsFromAPI(locs)
			return err
		},
	})
}
