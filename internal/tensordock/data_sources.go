package tensordock

import (
	"context"
	"math"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

type gpuModel struct {
	V0Name         string  `tfsdk:"v0_name"`
	AvailableCount int64   `tfsdk:"available_count"`
	PricePerHour   float64 `tfsdk:"price_per_hour"`
}

type hostnodeModel struct {
	ID               string     `tfsdk:"id"`
	LocationID       string     `tfsdk:"location_id"`
	Engine           string     `tfsdk:"engine"`
	UptimePercentage float64    `tfsdk:"uptime_percentage"`
	City             string     `tfsdk:"city"`
	StateProvince    string     `tfsdk:"stateprovince"`
	Country          string     `tfsdk:"country"`
	Tier             int64      `tfsdk:"tier"`
	NetworkSpeedGbps float64    `tfsdk:"network_speed_gbps"`
	VCPUCount        int64      `tfsdk:"vcpu_count"`
	RAMGB            int64      `tfsdk:"ram_gb"`
	StorageGB        int64      `tfsdk:"storage_gb"`
	PerVCPUHr        float64    `tfsdk:"per_vcpu_hr"`
	PerGBRAMHr       float64    `tfsdk:"per_gb_ram_hr"`
	PerGBStorageHr   float64    `tfsdk:"per_gb_storage_hr"`
	GPUs             []gpuModel `tfsdk:"gpus"`
	GPUPricePerHour  *float64   `tfsdk:"gpu_price_per_hour"`
}

func hostnodeAttributes() map[string]schema.Attribute {
	str := func(d string) schema.Attribute { return schema.StringAttribute{Computed: true, MarkdownDescription: d} }
	num := func(d string) schema.Attribute {
		return schema.Float64Attribute{Computed: true, MarkdownDescription: d}
	}
	integer := func(d string) schema.Attribute { return schema.Int64Attribute{Computed: true, MarkdownDescription: d} }
	return map[string]schema.Attribute{
		"id": str("Hostnode ID, for `gpucloud_tensordock_instance.hostnode_id`."), "location_id": str("Location ID."),
		"engine": str("Virtualisation engine."), "uptime_percentage": num("Uptime in percent."),
		"city": str("City."), "stateprovince": str("State or province."), "country": str("Country."),
		"tier": integer("Datacenter tier."), "network_speed_gbps": num("Network speed in Gbit/s."),
		"vcpu_count": integer("Free vCPUs."), "ram_gb": integer("Free RAM in GB."), "storage_gb": integer("Free storage in GB."),
		"per_vcpu_hr": num("Price per vCPU and hour."), "per_gb_ram_hr": num("Price per GB of RAM and hour."),
		"per_gb_storage_hr": num("Price per GB of storage and hour."),
		"gpus": schema.ListNestedAttribute{
			Computed: true, MarkdownDescription: "Free GPUs by model.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"v0_name": str("GPU model, for `gpu_model`."), "available_count": integer("Free GPUs of this model."),
				"price_per_hour": num("Price per GPU and hour."),
			}},
		},
		"gpu_price_per_hour": num("Price per hour of one GPU of the `gpu_model` filter, or of the cheapest GPU here; null on CPU-only hostnodes."),
	}
}

func hostnodeFromAPI(n api.Hostnode, gpuFilter string) hostnodeModel {
	m := hostnodeModel{
		ID: n.ID, LocationID: n.LocationID, Engine: n.Engine, UptimePercentage: float64(n.UptimePercentage),
		City: n.Location.City, StateProvince: n.Location.StateProvince, Country: n.Location.Country, Tier: n.Location.Tier,
		NetworkSpeedGbps: float64(n.Location.NetworkSpeedGbps),
		VCPUCount:        n.AvailableResources.VCPUCount, RAMGB: n.AvailableResources.RAMGB, StorageGB: n.AvailableResources.StorageGB,
		PerVCPUHr: float64(n.Pricing.PerVCPUHr), PerGBRAMHr: float64(n.Pricing.PerGBRAMHr), PerGBStorageHr: float64(n.Pricing.PerGBStorageHr),
		GPUs: []gpuModel{},
	}
	for _, g := range n.AvailableResources.GPUs {
		m.GPUs = append(m.GPUs, gpuModel{V0Name: g.V0Name, AvailableCount: g.AvailableCount, PricePerHour: float64(g.PricePerHr)})
		if g.AvailableCount > 0 && (gpuFilter == "" || strings.EqualFold(gpuFilter, g.V0Name)) {
			if p := float64(g.PricePerHr); m.GPUPricePerHour == nil || p < *m.GPUPricePerHour {
				m.GPUPricePerHour = &p
			}
		}
	}
	return m
}

// NewHostnodesDataSource is gpucloud_tensordock_hostnodes.
func NewHostnodesDataSource() datasource.DataSource { return &hostnodesDataSource{} }

type hostnodesDataSource struct{ clientHolder }

type hostnodesModel struct {
	GPUModel         types.String    `tfsdk:"gpu_model"`
	MinAvailableGPUs types.Int64     `tfsdk:"min_available_gpus"`
	Country          types.String    `tfsdk:"country"`
	City             types.String    `tfsdk:"city"`
	MaxGPUPricePerHr types.Float64   `tfsdk:"max_gpu_price_per_hour"`
	MinVCPUs         types.Int64     `tfsdk:"min_vcpus"`
	MinRAMGB         types.Int64     `tfsdk:"min_ram_gb"`
	MinStorageGB     types.Int64     `tfsdk:"min_storage_gb"`
	MinUptime        types.Float64   `tfsdk:"min_uptime_percentage"`
	Hostnodes        []hostnodeModel `tfsdk:"hostnodes"`
}

func (d *hostnodesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tensordock_hostnodes"
}

func (d *hostnodesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	atLeast0 := []validator.Int64{int64validator.AtLeast(0)}
	resp.Schema = schema.Schema{
		MarkdownDescription: "TensorDock hostnodes with free resources, filtered, cheapest GPU first (CPU-only hostnodes last). " +
			"Stock changes by the minute.",
		Attributes: map[string]schema.Attribute{
			"gpu_model":              schema.StringAttribute{Optional: true, MarkdownDescription: "Only hostnodes with free GPUs of this `v0Name`, such as `h100-sxm5-80gb`."},
			"min_available_gpus":     schema.Int64Attribute{Optional: true, Validators: atLeast0, MarkdownDescription: "Only hostnodes with at least this many free GPUs (of `gpu_model` when set)."},
			"country":                schema.StringAttribute{Optional: true, MarkdownDescription: "Only hostnodes in this country, such as `Finland`; case does not matter."},
			"city":                   schema.StringAttribute{Optional: true, MarkdownDescription: "Only hostnodes in this city; case does not matter."},
			"max_gpu_price_per_hour": schema.Float64Attribute{Optional: true, Validators: []validator.Float64{float64validator.AtLeast(0)}, MarkdownDescription: "Only hostnodes whose `gpu_price_per_hour` is at most this."},
			"min_vcpus":              schema.Int64Attribute{Optional: true, Validators: atLeast0, MarkdownDescription: "Only hostnodes with at least this many free vCPUs."},
			"min_ram_gb":             schema.Int64Attribute{Optional: true, Validators: atLeast0, MarkdownDescription: "Only hostnodes with at least this much free RAM."},
			"min_storage_gb":         schema.Int64Attribute{Optional: true, Validators: atLeast0, MarkdownDescription: "Only hostnodes with at least this much free storage."},
			"min_uptime_percentage":  schema.Float64Attribute{Optional: true, Validators: []validator.Float64{float64validator.Between(0, 100)}, MarkdownDescription: "Only hostnodes at least this reliable."},
			"hostnodes": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The matching hostnodes.",
				NestedObject: schema.NestedAttributeObject{Attributes: hostnodeAttributes()},
			},
		},
	}
}

func (d *hostnodesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *hostnodesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	sharedschema.ReadDataSource(ctx, req, resp, "listing TensorDock hostnodes", func(ctx context.Context, m *hostnodesModel) error {
		nodes, err := d.client.ListHostnodes(ctx)
		m.Hostnodes = filterHostnodes(nodes, *m)
		return err
	})
}

func filterHostnodes(nodes []api.Hostnode, f hostnodesModel) []hostnodeModel {
	gpuFilter := f.GPUModel.ValueString()
	out := []hostnodeModel{}
	for _, n := range nodes {
		m := hostnodeFromAPI(n, gpuFilter)
		free := int64(0)
		for _, g := range m.GPUs {
			if gpuFilter == "" || strings.EqualFold(gpuFilter, g.V0Name) {
				free += g.AvailableCount
			}
		}
		switch {
		case gpuFilter != "" && free == 0,
			free < f.MinAvailableGPUs.ValueInt64(),
			!f.Country.IsNull() && !strings.EqualFold(f.Country.ValueString(), m.Country),
			!f.City.IsNull() && !strings.EqualFold(f.City.ValueString(), m.City),
			!f.MaxGPUPricePerHr.IsNull() && (m.GPUPricePerHour == nil || *m.GPUPricePerHour > f.MaxGPUPricePerHr.ValueFloat64()),
			m.VCPUCount < f.MinVCPUs.ValueInt64(), m.RAMGB < f.MinRAMGB.ValueInt64(), m.StorageGB < f.MinStorageGB.ValueInt64(),
			m.UptimePercentage < f.MinUptime.ValueFloat64():
			continue
		}
		out = append(out, m)
	}
	price := func(m hostnodeModel) float64 {
		if m.GPUPricePerHour == nil {
			return math.Inf(1)
		}
		return *m.GPUPricePerHour
	}
	sort.SliceStable(out, func(i, j int) bool {
		if price(out[i]) != price(out[j]) {
			return price(out[i]) < price(out[j])
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// NewHostnodeDataSource is gpucloud_tensordock_hostnode.
func NewHostnodeDataSource() datasource.DataSource { return &hostnodeDataSource{} }

type hostnodeDataSource struct{ clientHolder }

type hostnodeDataModel struct {
	hostnodeModel
	AvailablePorts []int64 `tfsdk:"available_ports"`
}

func (d *hostnodeDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tensordock_hostnode"
}

func (d *hostnodeDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := hostnodeAttributes()
	attrs["id"] = schema.StringAttribute{Required: true, MarkdownDescription: "The hostnode's ID."}
	attrs["available_ports"] = schema.ListAttribute{Computed: true, ElementType: types.Int64Type, MarkdownDescription: "External ports free for `port_forwards`."}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One TensorDock hostnode with its free resources and the external ports free for port forwards.",
		Attributes:          attrs,
	}
}

func (d *hostnodeDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *hostnodeDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var id types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	n, err := d.client.GetHostnode(ctx, id.ValueString())
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+apierr.Describe("TensorDock", "hostnode", id.ValueString()), err))
		return
	}
	m := hostnodeDataModel{hostnodeModel: hostnodeFromAPI(*n, ""), AvailablePorts: append([]int64{}, n.AvailableResources.AvailablePorts...)}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// NewLocationsDataSource is gpucloud_tensordock_locations.
func NewLocationsDataSource() datasource.DataSource { return &locationsDataSource{} }

type locationsDataSource struct{ clientHolder }

type locationsModel struct {
	Locations []locationModel `tfsdk:"locations"`
}

type locationModel struct {
	ID            string             `tfsdk:"id"`
	City          string             `tfsdk:"city"`
	StateProvince string             `tfsdk:"stateprovince"`
	Country       string             `tfsdk:"country"`
	Tier          int64              `tfsdk:"tier"`
	GPUs          []locationGPUModel `tfsdk:"gpus"`
}

type locationGPUModel struct {
	V0Name       string  `tfsdk:"v0_name"`
	DisplayName  string  `tfsdk:"display_name"`
	MaxCount     int64   `tfsdk:"max_count"`
	PricePerHour float64 `tfsdk:"price_per_hour"`
}

func (d *locationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tensordock_locations"
}

func (d *locationsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "TensorDock's locations with the GPUs each offers. Their stock can lag behind the hostnodes': " +
			"for a create that must succeed, pick a hostnode with `gpucloud_tensordock_hostnodes`.",
		Attributes: map[string]schema.Attribute{
			"locations": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "Every location.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id": str("Location ID, for `gpucloud_tensordock_instance.location_id`."), "city": str("City."),
					"stateprovince": str("State or province."), "country": str("Country."),
					"tier": schema.Int64Attribute{Computed: true, MarkdownDescription: "Datacenter tier."},
					"gpus": schema.ListNestedAttribute{
						Computed: true, MarkdownDescription: "GPU models offered here.",
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"v0_name": str("GPU model, for `gpu_model`."), "display_name": str("Display name."),
							"max_count":      schema.Int64Attribute{Computed: true, MarkdownDescription: "Most GPUs of this model one machine can have here."},
							"price_per_hour": schema.Float64Attribute{Computed: true, MarkdownDescription: "Price per GPU and hour in USD."},
						}},
					},
				}},
			},
		},
	}
}

func (d *locationsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *locationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	sharedschema.ReadDataSource(ctx, req, resp, "listing TensorDock locations", func(ctx context.Context, m *locationsModel) error {
		locs, err := d.client.ListLocations(ctx)
		m.Locations = []locationModel{}
		for _, l := range locs {
			lm := locationModel{ID: l.ID, City: l.City, StateProvince: l.StateProvince, Country: l.Country, Tier: l.Tier, GPUs: []locationGPUModel{}}
			for _, g := range l.GPUs {
				lm.GPUs = append(lm.GPUs, locationGPUModel{V0Name: g.V0Name, DisplayName: g.DisplayName, MaxCount: g.MaxCount, PricePerHour: float64(g.PricePerHr)})
			}
			m.Locations = append(m.Locations, lm)
		}
		return err
	})
}
