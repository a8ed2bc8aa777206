package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type clusterModel struct {
	ID                    types.String       `tfsdk:"id"`
	ClusterType           types.String       `tfsdk:"cluster_type"`
	Image                 types.String       `tfsdk:"image"`
	Hostname              types.String       `tfsdk:"hostname"`
	Description           types.String       `tfsdk:"description"`
	LocationCode          types.String       `tfsdk:"location_code"`
	SharedVolume          *sharedVolumeModel `tfsdk:"shared_volume"`
	SSHKeyIDs             types.Set          `tfsdk:"ssh_key_ids"`
	StartupScriptID       types.String       `tfsdk:"startup_script_id"`
	ExistingVolumeIDs     types.Set          `tfsdk:"existing_volume_ids"`
	Tags                  types.Map          `tfsdk:"tags"`
	SharedVolumeOnDestroy types.String       `tfsdk:"shared_volume_on_destroy"`
	Timeouts              timeouts.Value     `tfsdk:"timeouts"`
	IP                    types.String       `tfsdk:"ip"`
	Status                types.String       `tfsdk:"status"`
	OSName                types.String       `tfsdk:"os_name"`
	PricePerHour          types.Float64      `tfsdk:"price_per_hour"`
	WorkerNodes           types.List         `tfsdk:"worker_nodes"`
	SharedVolumes         types.List         `tfsdk:"shared_volumes"`
	CreatedAt             types.String       `tfsdk:"created_at"`
}

type sharedVolumeModel struct {
	Name types.String `tfsdk:"name"`
	Size types.Int64  `tfsdk:"size"`
}

type workerNodeModel struct {
	ID        string `tfsdk:"id"`
	Hostname  string `tfsdk:"hostname"`
	PublicIP  string `tfsdk:"public_ip"`
	PrivateIP string `tfsdk:"private_ip"`
	Status    string `tfsdk:"status"`
}

type clusterVolumeData struct {
	ID         string `tfsdk:"id"`
	Name       string `tfsdk:"name"`
	MountPoint string `tfsdk:"mount_point"`
	SizeGB     int64  `tfsdk:"size_gb"`
}

func (m clusterModel) deployRequest(ctx context.Context) (api.DeployClusterRequest, diag.Diagnostics) {
	keys, diags := stringSet(ctx, m.SSHKeyIDs)
	existing, d := stringSet(ctx, m.ExistingVolumeIDs)
	diags.Append(d...)
	req := api.DeployClusterRequest{ClusterType: m.ClusterType.ValueString(), Image: m.Image.ValueString(), Hostname: m.Hostname.ValueString(),
		Description: m.Description.ValueString(), LocationCode: m.LocationCode.ValueString(), SSHKeyIDs: keys,
		StartupScriptID: m.StartupScriptID.ValueString(), Contract: "PAY_AS_YOU_GO", Tags: tagSpecs(ctx, m.Tags)}
	if m.SharedVolume != nil {
		req.SharedVolume = api.SharedVolume{Name: m.SharedVolume.Name.ValueString(), Size: m.SharedVolume.Size.ValueInt64()}
	}
	for _, id := range existing {
		req.ExistingVolumes = append(req.ExistingVolumes, api.ExistingID{ID: id})
	}
	return req, diags
}

// clusterFromAPI fills the model; what Verda does not report back (the
// shared volume asked for, existing volumes, the destroy choice) stays as it was.
func clusterFromAPI(c *api.Cluster, prior clusterModel) clusterModel {
	m := prior
	m.ID, m.ClusterType, m.Hostname, m.Description = types.StringValue(c.ID), types.StringValue(c.ClusterType), types.StringValue(c.Hostname), types.StringValue(c.Description)
	m.LocationCode, m.Status, m.OSName, m.CreatedAt = types.StringValue(c.Location), types.StringValue(c.Status), types.StringValue(c.OSName), types.StringValue(c.CreatedAt)
	if m.Image.IsNull() || m.Image.IsUnknown() {
		m.Image = types.StringValue(c.Image)
	}
	m.IP, m.PricePerHour = nullIfEmpty(c.IP), types.Float64Value(float64(c.PricePerHour))
	if c.StartupScriptID != "" || m.StartupScriptID.IsUnknown() {
		m.StartupScriptID = nullIfEmpty(c.StartupScriptID)
	}
	if len(c.SSHKeyIDs) > 0 || m.SSHKeyIDs.IsUnknown() {
		m.SSHKeyIDs = stringSetValue(c.SSHKeyIDs)
	}
	m.Tags = tagsFromAPI(c.Tags, prior.Tags)
	nodes := []workerNodeModel{}
	for _, w := range c.WorkerNodes {
		nodes = append(nodes, workerNodeModel{ID: w.ID, Hostname: w.Hostname, PublicIP: w.PublicIP, PrivateIP: w.PrivateIP, Status: w.Status})
	}
	volumes := []clusterVolumeData{}
	for _, v := range c.SharedVolumes {
		volumes = append(volumes, clusterVolumeData{ID: v.ID, Name: v.Name, MountPoint: v.MountPoint, SizeGB: v.SizeInGigabytes})
	}
	m.WorkerNodes, _ = types.ListValueFrom(context.Background(), workerNodeType, nodes)
	m.SharedVolumes, _ = types.ListValueFrom(context.Background(), clusterVolumeType, volumes)
	if m.SharedVolume == nil {
		for _, v := range c.SharedVolumes {
			if v.MountPoint == "/home" {
				m.SharedVolume = &sharedVolumeModel{Name: types.StringValue(v.Name), Size: types.Int64Value(v.SizeInGigabytes)}
			}
		}
	}
	return m
}

var (
	workerNodeType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"id": types.StringType, "hostname": types.StringType, "public_ip": types.StringType, "private_ip": types.StringType, "status": types.StringType,
	}}
	clusterVolumeType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"id": types.StringType, "name": types.StringType, "mount_point": types.StringType, "size_gb": types.Int64Type,
	}}
)

// createdSharedVolumes are the shared volumes made with the cluster: all
// but the existing ones it was given.
func (m clusterModel) createdSharedVolumes(ctx context.Context) []string {
	existing, _ := stringSet(ctx, m.ExistingVolumeIDs)
	var volumes []clusterVolumeData
	if !m.SharedVolumes.IsNull() && !m.SharedVolumes.IsUnknown() {
		m.SharedVolumes.ElementsAs(ctx, &volumes, false)
	}
	var out []string
	for _, v := range volumes {
		if !containsFold(existing, v.ID) {
			out = append(out, v.ID)
		}
	}
	return out
}
