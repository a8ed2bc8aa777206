package verda

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// NewLocationsDataSource is gpucloud_verda_locations.
func NewLocationsDataSource() datasource.DataSource { return &locationsDataSource{} }

type locationsDataSource struct{ clientHolder }

type locationsModel struct {
	CountryCode types.String    `tfsdk:"country_code"`
	Locations   []locationModel `tfsdk:"locations"`
}

type locationModel struct {
	Code        string `tfsdk:"code"`
	Name        string `tfsdk:"name"`
	CountryCode string `tfsdk:"country_code"`
}

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
		locs, err := d.client.ListLocations(ctx)
		m.Locations = locationsFromAPI(locs, m.CountryCode.ValueString())
		return err
	})
}

func locationsFromAPI(locs []api.Location, country string) []locationModel {
	out := []locationModel{}
	for _, l := range locs {
		if country == "" || strings.EqualFold(country, l.CountryCode) {
			out = append(out, locationModel{Code: l.Code, Name: l.Name, CountryCode: l.CountryCode})
		}
	}
	return out
}

// NewImagesDataSource is gpucloud_verda_images.
func NewImagesDataSource() datasource.DataSource { return &imagesDataSource{} }

type imagesDataSource struct{ clientHolder }

type imagesModel struct {
	Category types.String `tfsdk:"category"`
	Images   []imageModel `tfsdk:"images"`
}

type imageModel struct {
	ID        string   `tfsdk:"id"`
	ImageType string   `tfsdk:"image_type"`
	Name      string   `tfsdk:"name"`
	Category  string   `tfsdk:"category"`
	IsDefault bool     `tfsdk:"is_default"`
	Details   []string `tfsdk:"details"`
}

func (d *imagesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_verda_images"
}

func (d *imagesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The OS images Verda instances can boot. Their `image_type` is the name an instance is deployed with.",
		Attributes: map[string]schema.Attribute{
			"category": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Only images of this category, such as `ubuntu`; case does not matter.",
			},
			"images": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The matching images, in Verda's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":         schema.StringAttribute{Computed: true, MarkdownDescription: "Image ID."},
					"image_type": schema.StringAttribute{Computed: true, MarkdownDescription: "The name to deploy with, such as `ubuntu-24.04`."},
					"name":       schema.StringAttribute{Computed: true, MarkdownDescription: "Display name."},
					"category":   schema.StringAttribute{Computed: true, MarkdownDescription: "Category, such as `ubuntu`."},
					"is_default": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the console preselects it."},
					"details": schema.ListAttribute{
						Computed: true, ElementType: types.StringType, MarkdownDescription: "What the image contains.",
					},
				}},
			},
		},
	}
}

func (d *imagesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *imagesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	sharedschema.ReadDataSource(ctx, req, resp, "listing Verda images", func(ctx context.Context, m *imagesModel) error {
		images, err := d.client.ListImages(ctx)
		m.Images = imagesFromAPI(images, m.Category.ValueString())
		return err
	})
}

func imagesFromAPI(images []api.Image, category string) []imageModel {
	out := []imageModel{}
	for _, i := range images {
		if i.IsCluster || category != "" && !strings.EqualFold(category, i.Category) {
			continue
		}
		out = append(out, imageModel{ID: i.ID, ImageType: i.ImageType, Name: i.Name, Category: i.Category, IsDefault: i.IsDefault, Details: nonNil(i.Details)})
	}
	return out
}

// NewVolumeTypesDataSource is gpucloud_verda_volume_types.
func NewVolumeTypesDataSource() datasource.DataSource { return &volumeTypesDataSource{} }

type volumeTypesDataSource struct{ clientHolder }

type volumeTypesModel struct {
	SharedFS    types.Bool        `tfsdk:"shared_fs"`
	VolumeTypes []volumeTypeModel `tfsdk:"volume_types"`
}

type volumeTypeModel struct {
	Type                 string  `tfsdk:"type"`
	PricePerMonthPerGB   float64 `tfsdk:"price_per_month_per_gb"`
	Currency             string  `tfsdk:"currency"`
	SharedFS             bool    `tfsdk:"shared_fs"`
	IOPS                 string  `tfsdk:"iops"`
	ThroughputGbps       float64 `tfsdk:"throughput_gbps"`
	BurstBandwidth       float64 `tfsdk:"burst_bandwidth"`
	ContinuousBandwidth  float64 `tfsdk:"continuous_bandwidth"`
	InternalNetworkSpeed float64 `tfsdk:"internal_network_speed"`
}

func (d *volumeTypesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_verda_volume_types"
}

func (d *volumeTypesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	num := func(desc string) schema.Attribute {
		return schema.Float64Attribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Verda's kinds of storage with their prices. Their `type` is the name a volume is created with.",
		Attributes: map[string]schema.Attribute{
			"shared_fs": schema.BoolAttribute{
				Optional: true, MarkdownDescription: "`true` for shared filesystems only, `false` for block volumes only; unset for both.",
			},
			"volume_types": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The matching volume types, in Verda's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"type":                   schema.StringAttribute{Computed: true, MarkdownDescription: "Volume type, such as `NVMe`."},
					"price_per_month_per_gb": num("Price per GB and month."),
					"currency":               schema.StringAttribute{Computed: true, MarkdownDescription: "Currency of the price, `usd` or `eur`."},
					"shared_fs":              schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is a shared filesystem."},
					"iops":                   schema.StringAttribute{Computed: true, MarkdownDescription: "IOPS as Verda states it, such as `100k`."},
					"throughput_gbps":        num("Throughput in GB/s."),
					"burst_bandwidth":        num("Burst bandwidth, as Verda states it."),
					"continuous_bandwidth":   num("Continuous bandwidth, as Verda states it."),
					"internal_network_speed": num("Internal network speed, as Verda states it."),
				}},
			},
		},
	}
}

func (d *volumeTypesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *volumeTypesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	sharedschema.ReadDataSource(ctx, req, resp, "listing Verda volume types", func(ctx context.Context, m *volumeTypesModel) error {
		vts, err := d.client.ListVolumeTypes(ctx)
		m.VolumeTypes = volumeTypesFromAPI(vts, m.SharedFS.ValueBoolPointer())
		return err
	})
}

func volumeTypesFromAPI(vts []api.VolumeType, shared *bool) []volumeTypeModel {
	out := []volumeTypeModel{}
	for _, v := range vts {
		if shared != nil && *shared != v.IsSharedFS {
			continue
		}
		out = append(out, volumeTypeModel{
			Type: v.Type, PricePerMonthPerGB: float64(v.Price.PricePerMonthPerGB), Currency: v.Price.Currency,
			SharedFS: v.IsSharedFS, IOPS: v.IOPS, ThroughputGbps: float64(v.ThroughputGbps),
			BurstBandwidth: float64(v.BurstBandwidth), ContinuousBandwidth: float64(v.ContinuousBandwidth),
			InternalNetworkSpeed: float64(v.InternalNetworkSpeed),
		})
	}
	return out
}
