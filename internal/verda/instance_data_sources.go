package verda

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

var _ datasource.DataSourceWithConfigValidators = (*instanceDataSource)(nil)

// NewInstanceDataSource is gpucloud_verda_instance.
func NewInstanceDataSource() datasource.DataSource { return &instanceDataSource{} }

type instanceDataSource struct{ clientHolder }

type instanceDataModel struct {
	ID              types.String  `tfsdk:"id"`
	Hostname        types.String  `tfsdk:"hostname"`
	InstanceType    types.String  `tfsdk:"instance_type"`
	Image           types.String  `tfsdk:"image"`
	Description     types.String  `tfsdk:"description"`
	LocationCode    types.String  `tfsdk:"location_code"`
	Status          types.String  `tfsdk:"status"`
	IP              types.String  `tfsdk:"ip"`
	IsSpot          types.Bool    `tfsdk:"is_spot"`
	Contract        types.String  `tfsdk:"contract"`
	PricePerHour    types.Float64 `tfsdk:"price_per_hour"`
	SSHKeyIDs       types.List    `tfsdk:"ssh_key_ids"`
	StartupScriptID types.String  `tfsdk:"startup_script_id"`
	OSVolumeID      types.String  `tfsdk:"os_volume_id"`
	VolumeIDs       types.List    `tfsdk:"volume_ids"`
	OSName          types.String  `tfsdk:"os_name"`
	CPUCores        types.Int64   `tfsdk:"cpu_cores"`
	GPUCount        types.Int64   `tfsdk:"gpu_count"`
	GPUDescription  types.String  `tfsdk:"gpu_description"`
	GPUMemoryGB     types.Int64   `tfsdk:"gpu_memory_gb"`
	MemoryGB        types.Int64   `tfsdk:"memory_gb"`
	JupyterToken    types.String  `tfsdk:"jupyter_token"`
	CreatedAt       types.String  `tfsdk:"created_at"`
}

func (d *instanceDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_verda_instance"
}

func (d *instanceDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	integer := func(desc string) schema.Attribute {
		return schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One Verda instance, found by `id` or by `hostname` (exactly one of them), whoever created it.",
		Attributes: map[string]schema.Attribute{
			"id":                schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The instance's ID."},
			"hostname":          schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The instance's hostname; it must match exactly one instance."},
			"instance_type":     str("Instance type."),
			"image":             str("Image as Verda reports it (an image type, or sometimes its ID)."),
			"description":       str("Description."),
			"location_code":     str("Location."),
			"status":            str("Verda's status."),
			"ip":                str("Public IPv4 address, if any."),
			"is_spot":           schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is a spot instance."},
			"contract":          str("Billing contract."),
			"price_per_hour":    schema.Float64Attribute{Computed: true, MarkdownDescription: "Price per hour in the project's currency (`usd` or `eur`)."},
			"ssh_key_ids":       schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "SSH key IDs."},
			"startup_script_id": str("Startup script ID, if any."),
			"os_volume_id":      str("OS volume ID."),
			"volume_ids":        schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Attached volumes, the OS volume first."},
			"os_name":           str("Operating system."),
			"cpu_cores":         integer("vCPUs."),
			"gpu_count":         integer("GPUs."),
			"gpu_description":   str("GPU description."),
			"gpu_memory_gb":     integer("GPU memory in GB."),
			"memory_gb":         integer("RAM in GB."),
			"jupyter_token":     schema.StringAttribute{Computed: true, Sensitive: true, MarkdownDescription: "Jupyter token."},
			"created_at":        str("Creation time."),
		},
	}
}

func (d *instanceDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("hostname"))}
}

func (d *instanceDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *instanceDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	sharedschema.ReadDataSource(ctx, req, resp, "reading Verda instance", func(ctx context.Context, m *instanceDataModel) error {
		inst, err := d.find(ctx, m.ID.ValueString(), m.Hostname.ValueString())
		if err != nil {
			return err
		}
		*m = instanceDataFromAPI(inst)
		return nil
	})
}

func (d *instanceDataSource) find(ctx context.Context, id, hostname string) (*api.Instance, error) {
	if id != "" {
		inst, err := d.client.GetInstance(ctx, id)
		if transport.IsNotFound(err) {
			return nil, fmt.Errorf("no Verda instance has the ID %q", id)
		}
		return inst, err
	}
	all, err := d.client.ListInstances(ctx)
	if err != nil {
		return nil, err
	}
	var found []api.Instance
	for _, i := range all {
		if i.Hostname == hostname {
			found = append(found, i)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("no Verda instance has the hostname %q", hostname)
	case 1:
		return &found[0], nil
	}
	ids := make([]string, len(found))
	for i, f := range found {
		ids[i] = f.ID
	}
	return nil, fmt.Errorf("%d Verda instances have the hostname %q (%s); look one up by id", len(found), hostname, strings.Join(ids, ", "))
}

func instanceDataFromAPI(i *api.Instance) instanceDataModel {
	return instanceDataModel{
		ID: types.StringValue(i.ID), Hostname: types.StringValue(i.Hostname), InstanceType: types.StringValue(i.InstanceType),
		Image: types.StringValue(i.Image), Description: types.StringValue(i.Description), LocationCode: types.StringValue(i.Location),
		Status: types.StringValue(i.Status), IP: nullIfEmpty(i.IP), IsSpot: types.BoolValue(i.IsSpot), Contract: types.StringValue(i.Contract),
		PricePerHour: types.Float64Value(float64(i.PricePerHour)), SSHKeyIDs: stringList(nonNil(i.SSHKeyIDs)),
		StartupScriptID: nullIfEmpty(i.StartupScriptID), OSVolumeID: nullIfEmpty(i.OSVolumeID), VolumeIDs: stringList(nonNil(i.VolumeIDs)),
		OSName: types.StringValue(i.OSName), CPUCores: types.Int64Value(i.CPU.NumberOfCores), GPUCount: types.Int64Value(i.GPU.NumberOfGPUs),
		GPUDescription: types.StringValue(i.GPU.Description), GPUMemoryGB: types.Int64Value(i.GPUMemory.SizeInGigabytes),
		MemoryGB: types.Int64Value(i.Memory.SizeInGigabytes), JupyterToken: types.StringValue(i.JupyterToken), CreatedAt: types.StringValue(i.CreatedAt),
	}
}

// NewVolumesDataSource is gpucloud_verda_volumes.
func NewVolumesDataSource() datasource.DataSource { return &volumesDataSource{} }

type volumesDataSource struct{ clientHolder }

type volumesModel struct {
	LocationCode types.String      `tfsdk:"location_code"`
	Type         types.String      `tfsdk:"type"`
	InstanceID   types.String      `tfsdk:"instance_id"`
	Volumes      []volumeDataModel `tfsdk:"volumes"`
}

type volumeDataModel struct {
	ID           string   `tfsdk:"id"`
	Name         string   `tfsdk:"name"`
	Size         int64    `tfsdk:"size"`
	Type         string   `tfsdk:"type"`
	LocationCode string   `tfsdk:"location_code"`
	Status       string   `tfsdk:"status"`
	InstanceIDs  []string `tfsdk:"instance_ids"`
	IsOSVolume   bool     `tfsdk:"is_os_volume"`
	MonthlyPrice float64  `tfsdk:"monthly_price"`
	CreatedAt    string   `tfsdk:"created_at"`
}

func (d *volumesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_verda_volumes"
}

func (d *volumesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The project's volumes outside the trash, optionally filtered, in creation order.",
		Attributes: map[string]schema.Attribute{
			"location_code": schema.StringAttribute{Optional: true, MarkdownDescription: "Only volumes in this location."},
			"type":          schema.StringAttribute{Optional: true, MarkdownDescription: "Only volumes of this type, such as `NVMe`."},
			"instance_id":   schema.StringAttribute{Optional: true, MarkdownDescription: "Only volumes attached to this instance."},
			"volumes": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The matching volumes.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":            str("Volume ID."),
					"name":          str("Name."),
					"size":          schema.Int64Attribute{Computed: true, MarkdownDescription: "Size in GB."},
					"type":          str("Volume type."),
					"location_code": str("Location."),
					"status":        str("Status, such as `attached`."),
					"instance_ids":  schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Instances it is attached to."},
					"is_os_volume":  schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is an OS volume."},
					"monthly_price": schema.Float64Attribute{Computed: true, MarkdownDescription: "Price per month."},
					"created_at":    str("Creation time."),
				}},
			},
		},
	}
}

func (d *volumesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *volumesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	sharedschema.ReadDataSource(ctx, req, resp, "listing Verda volumes", func(ctx context.Context, m *volumesModel) error {
		vols, err := d.client.ListVolumes(ctx)
		m.Volumes = volumesFromAPI(vols, m.LocationCode.ValueString(), m.Type.ValueString(), m.InstanceID.ValueString())
		return err
	})
}

func volumesFromAPI(vols []api.Volume, location, typ, instanceID string) []volumeDataModel {
	out := []volumeDataModel{}
	for _, v := range vols {
		attached := v.AttachedTo()
		switch {
		case location != "" && !strings.EqualFold(location, v.Location),
			typ != "" && !strings.EqualFold(typ, v.Type),
			instanceID != "" && !containsFold(attached, instanceID):
			continue
		}
		out = append(out, volumeDataModel{
			ID: v.ID, Name: v.Name, Size: v.Size, Type: v.Type, LocationCode: v.Location, Status: v.Status,
			InstanceIDs: attached, IsOSVolume: v.IsOSVolume, MonthlyPrice: float64(v.MonthlyPrice), CreatedAt: v.CreatedAt,
		})
	}
	return out
}
