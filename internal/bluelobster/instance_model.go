package bluelobster

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

type instanceModel struct {
	ID           types.String `tfsdk:"id"`
	Region       types.String `tfsdk:"region"`
	InstanceType types.String `tfsdk:"instance_type"`
	Name         types.String `tfsdk:"name"`
	Username     types.String `tfsdk:"username"`
	SSHPublicKey types.String `tfsdk:"ssh_public_key"`
	sharedschema.Passwords
	TemplateName types.String   `tfsdk:"template_name"`
	ISOURL       types.String   `tfsdk:"iso_url"`
	Metadata     types.Map      `tfsdk:"metadata"`
	PowerState   types.String   `tfsdk:"power_state"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
	IPAddress    types.String   `tfsdk:"ip_address"`
	InternalIP   types.String   `tfsdk:"internal_ip"`
	HostID       types.String   `tfsdk:"host_id"`
	CPUCores     types.Int64    `tfsdk:"cpu_cores"`
	MemoryGiB    types.Int64    `tfsdk:"memory_gib"`
	StorageGiB   types.Int64    `tfsdk:"storage_gib"`
	GPUCount     types.Int64    `tfsdk:"gpu_count"`
	GPUModel     types.String   `tfsdk:"gpu_model"`
	sharedschema.Price
	PowerStatus      types.String `tfsdk:"power_status"`
	TemplateReported types.String `tfsdk:"template_name_reported"`
	OSType           types.String `tfsdk:"os_type"`
	TeamID           types.String `tfsdk:"team_id"`
	TeamName         types.String `tfsdk:"team_name"`
	CreatedAt        types.String `tfsdk:"created_at"`
}

// instanceFromAPI fills the model; what Blue Lobster does not return, or
// returns changed (metadata, template, the key), keeps the planned value.
func instanceFromAPI(i *api.Instance, prior instanceModel) instanceModel {
	m := prior
	m.Passwords = m.Passwords.Stored()
	m.ID = types.StringValue(i.UUID)
	m.Name = types.StringValue(i.Name)
	if i.Region != "" {
		m.Region = types.StringValue(i.Region)
	}
	if i.InstanceType != "" {
		m.InstanceType = types.StringValue(i.InstanceType)
	}
	if i.VMUsername != "" {
		m.Username = types.StringValue(i.VMUsername)
	}
	switch i.PowerStatus {
	case api.PowerRunning:
		m.PowerState = types.StringValue(powerRunning)
	case api.PowerStopped:
		m.PowerState = types.StringValue(powerStopped)
	default:
		// null on a running VM, or a transition: keep what was there.
		if m.PowerState.IsNull() || m.PowerState.IsUnknown() {
			m.PowerState = types.StringValue(powerRunning)
		}
	}
	m.IPAddress, m.InternalIP, m.HostID = types.StringValue(i.IPAddress), types.StringValue(i.InternalIP), types.StringValue(i.HostID)
	m.CPUCores, m.MemoryGiB, m.StorageGiB, m.GPUCount = types.Int64Value(i.CPUCores), types.Int64Value(i.Memory), types.Int64Value(i.Storage), types.Int64Value(i.GPUCount)
	m.GPUModel = types.StringValue(i.GPUModel)
	m.PricePerHour, m.Currency = types.Float64Value(float64(i.PriceCentsPerHour)/100), types.StringValue(currency)
	m.PowerStatus = types.StringValue(i.PowerStatus)
	m.TemplateReported = types.StringValue(i.TemplateName)
	m.OSType, m.TeamID, m.TeamName = types.StringValue(i.OSType), types.StringValue(i.TeamID), types.StringValue(i.TeamName)
	m.CreatedAt = types.StringValue(i.CreatedAt)
	return m
}

// Blue Lobster states every price in US cents.
const currency = "USD"

func instanceTypeNames(types []api.InstanceType) []string {
	out := make([]string, len(types))
	for i, t := range types {
		out[i] = t.Name
	}
	return out
}

func findType(types []api.InstanceType, name string) *api.InstanceType {
	for i := range types {
		if types[i].Name == name {
			return &types[i]
		}
	}
	return nil
}

func templateNames(templates []api.Template) []string {
	out := make([]string, len(templates))
	for i, t := range templates {
		out[i] = t.Name
	}
	return out
}

func regionsWithCapacity(regions []string) string {
	if len(regions) == 0 {
		return "No region has capacity for it now; try later or choose another type."
	}
	return "Regions with capacity now: " + strings.Join(regions, ", ") + "."
}
