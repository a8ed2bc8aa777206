package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewLocationsDataSource is gpucloud_verda_locations.
func NewLocationsDataSource() datasource.DataSource { return &locationsDataSource{} }

type locationsDataSource struct{ clientHolder }

func (d *locationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_verda_locations"
}

func (d *locationsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
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
	}
}

func (d *locationsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *locationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	sharedschema.ReadDataSource(ctx, req, resp, "listing Verda locations", func(ctx context.Context, m *locationsModel) error {
		locs, err := d.Client.ListLocations(ctx)
		m.Locations = locationsFromAPI(locs, m.CountryCode.ValueString())
		return err
	})
}
