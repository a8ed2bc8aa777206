package nova

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

type instanceModel struct {
	ID                types.String `tfsdk:"id"`
	Node              types.String `tfsdk:"node"`
	GPUType           types.String `tfsdk:"gpu_type"`
	GPUCount          types.Int64  `tfsdk:"gpu_count"`
	StorageGB         types.Int64  `tfsdk:"storage_gb"`
	TemplateVMID      types.Int64  `tfsdk:"template_vmid"`
	Image             types.String `tfsdk:"image"`
	RentalType        types.String `tfsdk:"rental_type"`
	ReservationMonths types.Int64  `tfsdk:"reservation_months"`
	SSHKeyID          types.String `tfsdk:"ssh_key_id"`
	sharedschema.Passwords
	AuthMethod    types.String   `tfsdk:"auth_method"`
	PowerState    types.String   `tfsdk:"power_state"`
	Timeouts      timeouts.Value `tfsdk:"timeouts"`
	VMID          types.Int64    `tfsdk:"vmid"`
	InstanceLabel types.String   `tfsdk:"instance_label"`
	IPAddress     types.String   `tfsdk:"ip_address"`
	Status        types.String   `tfsdk:"status"`
	CPUCores      types.Int64    `tfsdk:"cpu_cores"`
	RAMGB         types.Int64    `tfsdk:"ram_gb"`
	HourlyRate    types.Float64  `tfsdk:"hourly_rate"`
	CreatedAt     types.String   `tfsdk:"created_at"`
	StartedAt     types.String   `tfsdk:"started_at"`
}

// instanceFromAPI fills the model; ssh_key_id, image and the password are not
// returned and keep their planned values.
func instanceFromAPI(vm *api.VM, prior instanceModel) instanceModel {
	m := prior
	m.Passwords = m.Passwords.Stored()
	m.ID, m.Node, m.GPUType = types.StringValue(vm.ID), types.StringValue(vm.Node), types.StringValue(vm.GPUType)
	m.GPUCount, m.StorageGB = types.Int64Value(vm.GPUCount), types.Int64Value(vm.StorageGB)
	if vm.TemplateVMID != 0 {
		m.TemplateVMID = types.Int64Value(vm.TemplateVMID)
	}
	if vm.RentalType != "" {
		m.RentalType = types.StringValue(vm.RentalType)
	}
	if m.AuthMethod.IsUnknown() {
		m.AuthMethod = types.StringNull()
	}
	switch vm.Status {
	case api.StatusRunning:
		m.PowerState = types.StringValue(powerRunning)
	case api.StatusStopped:
		m.PowerState = types.StringValue(powerStopped)
	default:
		if m.PowerState.IsNull() || m.PowerState.IsUnknown() {
			m.PowerState = types.StringValue(powerRunning)
		}
	}
	m.VMID, m.InstanceLabel = types.Int64Value(vm.VMID), types.StringValue(vm.InstanceLabel)
	m.IPAddress = types.StringNull()
	if vm.IPAddress != "" {
		m.IPAddress = types.StringValue(vm.IPAddress)
	}
	m.Status, m.CPUCores, m.RAMGB = types.StringValue(vm.Status), types.Int64Value(vm.CPUCores), types.Int64Value(vm.RAMGB)
	m.HourlyRate, m.CreatedAt = types.Float64Value(float64(vm.HourlyRate)), types.StringValue(vm.CreatedAt)
	m.StartedAt = types.StringNull()
	if vm.StartedAt != "" {
		m.StartedAt = types.StringValue(vm.StartedAt)
	}
	return m
}
