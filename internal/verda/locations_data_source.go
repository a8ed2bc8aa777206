package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewLocationsDataSource is gpucloud_verda_locations.
func NewLocationsDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[locationsModel]{
		Name: "verda_locations", Configure: d.configure, Doing: "listing Verda locations",
		Schema: schema.Schema{
			MarkdownDescription: "Verda's datacenters. Their `code` is what `location_code` takes on instances and volumes.",
			Attributes: map[string]schema.Attribute{
				"country_code": schema.StringAttribute{
					Optional: true, MarkdownDescription: "Only locations in this country (ISO 3166-1 alpha-2, such as `FI`); case does not matter.",
				},
				"locations": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The matching locations, in Verda's order.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"code":         schema.StringAttribute{Computed: true, MarkdownDescription: "Location code, such as `FIN-01`."},
						"name":         schema.StringAttribute{Computed: true, MarkdownDescription: "Display name."},
						"country_code": schema.StringAttribute{Computed: true, MarkdownDescription: "ISO country code."},
					}},
				},
			},
		},
		Fill: func(ctx context.Context, m *locationsModel) error {
			locs, err := d.Client.ListLocations(ctx)
			m.Locations = locationsFromAPI(locs, m.CountryCode.ValueString())
			return err
		},
	})
}
