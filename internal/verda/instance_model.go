package verda

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// Power states and what destroy does with volumes.
const (
	powerRunning = "running"
	powerStopped = "stopped"

	volumesTrashOS           = "trash_os_volume"
	volumesKeepDetached      = "keep_detached"
	volumesMoveToTrash       = "move_to_trash"
	volumesDeletePermanently = "delete_permanently"
)

var (
	contracts      = []string{"LONG_TERM", "PAY_AS_YOU_GO", "SPOT"}
	spotPolicies   = []string{"keep_detached", "move_to_trash", "delete_permanently"}
	volumeTypes    = []string{"HDD", "NVMe", "HDD_Shared", "NVMe_Shared", "NVMe_Local_Storage", "NVMe_Shared_Cluster", "NVMe_OS_Cluster"}
	volumesChoices = []string{volumesTrashOS, volumesKeepDetached, volumesMoveToTrash, volumesDeletePermanently}
)

type instanceModel struct {
	ID                types.String   `tfsdk:"id"`
	InstanceType      types.String   `tfsdk:"instance_type"`
	Image             types.String   `tfsdk:"image"`
	Hostname          types.String   `tfsdk:"hostname"`
	Description       types.String   `tfsdk:"description"`
	LocationCode      types.String   `tfsdk:"location_code"`
	SSHKeyIDs         types.Set      `tfsdk:"ssh_key_ids"`
	StartupScriptID   types.String   `tfsdk:"startup_script_id"`
	IsSpot            types.Bool     `tfsdk:"is_spot"`
	Contract          types.String   `tfsdk:"contract"`
	Coupon            types.String   `tfsdk:"coupon"`
	OSVolume          *osVolumeModel `tfsdk:"os_volume"`
	Volumes           []volumeSpec   `tfsdk:"volumes"`
	ExistingVolumeIDs types.Set      `tfsdk:"existing_volume_ids"`
	PowerState        types.String   `tfsdk:"power_state"`
	VolumesOnDestroy  types.String   `tfsdk:"volumes_on_destroy"`
	Tags              types.Map      `tfsdk:"tags"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`

	Status types.String `tfsdk:"status"`
	IP     types.String `tfsdk:"ip"`
	sharedschema.Price
	OSVolumeID     types.String `tfsdk:"os_volume_id"`
	NewVolumeIDs   types.List   `tfsdk:"new_volume_ids"`
	VolumeIDs      types.List   `tfsdk:"volume_ids"`
	OSName         types.String `tfsdk:"os_name"`
	CPUCores       types.Int64  `tfsdk:"cpu_cores"`
	CPUDescription types.String `tfsdk:"cpu_description"`
	GPUCount       types.Int64  `tfsdk:"gpu_count"`
	GPUDescription types.String `tfsdk:"gpu_description"`
	GPUMemoryGB    types.Int64  `tfsdk:"gpu_memory_gb"`
	MemoryGB       types.Int64  `tfsdk:"memory_gb"`
	JupyterToken   types.String `tfsdk:"jupyter_token"`
	CreatedAt      types.String `tfsdk:"created_at"`
}

type osVolumeModel struct {
	Name              types.String `tfsdk:"name"`
	Size              types.Int64  `tfsdk:"size"`
	OnSpotDiscontinue types.String `tfsdk:"on_spot_discontinue"`
}

type volumeSpec struct {
	Name              types.String `tfsdk:"name"`
	Size              types.Int64  `tfsdk:"size"`
	Type              types.String `tfsdk:"type"`
	OnSpotDiscontinue types.String `tfsdk:"on_spot_discontinue"`
}

// deployRequest is the plan as Verda's deploy body.
func (m *instanceModel) deployRequest(ctx context.Context) (api.DeployRequest, diag.Diagnostics) {
	keys, diags := stringSet(ctx, m.SSHKeyIDs)
	existing, d := stringSet(ctx, m.ExistingVolumeIDs)
	diags.Append(d...)
	req := api.DeployRequest{
		InstanceType: m.InstanceType.ValueString(), Image: m.Image.ValueString(), Hostname: m.Hostname.ValueString(),
		Description: m.Description.ValueString(), LocationCode: m.LocationCode.ValueString(), SSHKeyIDs: keys,
		StartupScriptID: m.StartupScriptID.ValueString(), IsSpot: m.IsSpot.ValueBool(), Contract: m.Contract.ValueString(),
		Coupon: m.Coupon.ValueString(), ExistingVolumes: existing, Tags: tagSpecs(ctx, m.Tags),
	}
	if m.OSVolume != nil {
		req.OSVolume = &api.OSVolumeSpec{
			Name: m.OSVolume.Name.ValueString(), Size: m.OSVolume.Size.ValueInt64(), OnSpotDiscontinue: m.OSVolume.OnSpotDiscontinue.ValueString(),
		}
	}
	for _, v := range m.Volumes {
		req.Volumes = append(req.Volumes, api.NewVolumeSpec{
			Name: v.Name.ValueString(), Size: v.Size.ValueInt64(), Type: v.Type.ValueString(), OnSpotDiscontinue: v.OnSpotDiscontinue.ValueString(),
		})
	}
	return req, diags
}

// powerStateOf maps Verda's status to the power_state argument; transient
// statuses keep what was there.
func powerStateOf(status string, prior types.String) types.String {
	switch status {
	case api.StatusRunning:
		return types.StringValue(powerRunning)
	case api.StatusOffline:
		return types.StringValue(powerStopped)
	}
	if prior.IsNull() || prior.IsUnknown() {
		return types.StringValue(powerRunning)
	}
	return prior
}

// instanceFromAPI fills the model from what Verda reports. Arguments Verda
// does not return, or returns normalised, keep the prior (planned) value.
func instanceFromAPI(i *api.Instance, prior instanceModel) instanceModel {
	m := prior
	m.ID = types.StringValue(i.ID)
	m.InstanceType = types.StringValue(i.InstanceType)
	m.Hostname = types.StringValue(i.Hostname)
	m.Description = types.StringValue(i.Description)
	m.LocationCode = types.StringValue(i.Location)
	m.IsSpot = types.BoolValue(i.IsSpot)
	m.Tags = tagsFromAPI(i.Tags, prior.Tags)
	if i.StartupScriptID != "" || m.StartupScriptID.IsUnknown() {
		m.StartupScriptID = nullIfEmpty(i.StartupScriptID)
	}
	if prior.Image.IsNull() || prior.Image.IsUnknown() {
		m.Image = types.StringValue(i.Image)
	}
	if i.Contract != "" {
		m.Contract = types.StringValue(i.Contract)
	}
	keys := slices.Clone(i.SSHKeyIDs)
	slices.Sort(keys)
	if len(keys) == 0 && (prior.SSHKeyIDs.IsNull() || prior.SSHKeyIDs.IsUnknown()) {
		m.SSHKeyIDs = types.SetNull(types.StringType)
	} else {
		m.SSHKeyIDs = stringSetValue(keys)
	}
	m.PowerState = powerStateOf(i.Status, prior.PowerState)
	// An import takes Verda's own choice for destroy, which a configuration
	// that leaves it out also has; which volumes the deploy created stays
	// null until the configuration's volumes say.
	if m.VolumesOnDestroy.IsNull() || m.VolumesOnDestroy.IsUnknown() {
		m.VolumesOnDestroy = types.StringValue(volumesTrashOS)
	}
	if m.ExistingVolumeIDs.IsUnknown() {
		m.ExistingVolumeIDs = types.SetNull(types.StringType)
	}
	if m.NewVolumeIDs.IsUnknown() {
		m.NewVolumeIDs = types.ListNull(types.StringType)
	}

	m.Status = types.StringValue(i.Status)
	m.IP = nullIfEmpty(i.IP)
	m.PricePerHour = types.Float64Value(float64(i.PricePerHour))
	if m.Currency.IsUnknown() {
		m.Currency = types.StringNull()
	}
	m.OSVolumeID = nullIfEmpty(i.OSVolumeID)
	m.VolumeIDs = stringList(i.VolumeIDs)
	m.OSName = types.StringValue(i.OSName)
	m.CPUCores = types.Int64Value(i.CPU.NumberOfCores)
	m.CPUDescription = types.StringValue(i.CPU.Description)
	m.GPUCount = types.Int64Value(i.GPU.NumberOfGPUs)
	m.GPUDescription = types.StringValue(i.GPU.Description)
	m.GPUMemoryGB = types.Int64Value(i.GPUMemory.SizeInGigabytes)
	m.MemoryGB = types.Int64Value(i.Memory.SizeInGigabytes)
	m.JupyterToken = types.StringValue(i.JupyterToken)
	m.CreatedAt = types.StringValue(i.CreatedAt)
	return m
}

// newVolumeIDs picks, after a deploy, the volumes created from `volumes`:
// attached, neither the OS volume nor one of existing_volume_ids, in order.
func newVolumeIDs(i *api.Instance, existing []string) []string {
	out := []string{}
	for _, id := range i.VolumeIDs {
		if id != i.OSVolumeID && !slices.Contains(existing, id) {
			out = append(out, id)
		}
	}
	return out
}

// destroyAction is the delete action for the volumes_on_destroy choice. The
// instance's own volumes are its OS volume and new_volume_ids; volumes it did
// not create are always detached and kept.
func destroyAction(id, choice, osVolumeID string, created []string) api.ActionRequest {
	req := api.ActionRequest{Action: api.ActionDelete, ID: []string{id}}
	owned := append([]string{}, created...)
	if osVolumeID != "" {
		owned = append([]string{osVolumeID}, owned...)
	}
	switch choice {
	case volumesKeepDetached:
		req.VolumeIDs = &[]string{}
	case volumesMoveToTrash:
		req.VolumeIDs = &owned
	case volumesDeletePermanently:
		req.VolumeIDs, req.DeletePermanently = &owned, true
	default:
		// Verda's own default: the OS volume to the trash, the rest detached.
	}
	return req
}

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

var failureMessages = map[string]string{
	api.StatusError:              "Verda reports the deploy failed",
	api.StatusNoCapacity:         "Verda has no capacity for this instance type in this location right now; pick another location or type, or try later",
	api.StatusInstallationFailed: "the operating system installation failed",
	api.StatusNotFound:           "Verda lost track of the instance",
	api.StatusDiscontinued:       "Verda discontinued the instance (spot capacity reclaimed)",
}

func instanceTypeNames(types []api.InstanceType) []string {
	out := make([]string, len(types))
	for i, t := range types {
		out[i] = t.InstanceType
	}
	return out
}

func findType(types []api.InstanceType, name string) *api.InstanceType {
	for i := range types {
		if types[i].InstanceType == name {
			return &types[i]
		}
	}
	return nil
}

func locationCodes(locations []api.Location) []string {
	out := make([]string, len(locations))
	for i, l := range locations {
		out[i] = l.Code
	}
	return out
}

// imageTypes are the images an instance can be deployed with: cluster
// images are not.
func imageTypes(images []api.Image) []string {
	var out []string
	for _, i := range images {
		if !i.IsCluster {
			out = append(out, i.ImageType)
		}
	}
	return out
}

// offeredAt lists the locations where instanceType is deployable now.
func offeredAt(avail []api.LocationAvailability, instanceType string) []string {
	var out []string
	for _, a := range avail {
		if slices.Contains(a.Availabilities, instanceType) {
			out = append(out, a.LocationCode)
		}
	}
	return out
}

func whereOffered(at []string) string {
	if len(at) == 0 {
		return "It is deployable nowhere right now; try later or choose another type."
	}
	return "It is deployable at " + strings.Join(at, ", ") + "."
}

func contractName(spot bool) string {
	if spot {
		return "spot"
	}
	return "on-demand"
}
