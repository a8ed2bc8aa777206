package nova

import (
	"slices"
	"strings"

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
	sharedschema.Price
	CreatedAt types.String `tfsdk:"created_at"`
	StartedAt types.String `tfsdk:"started_at"`
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
	m.PricePerHour, m.Currency = m.HourlyRate, types.StringValue(currency)
	m.StartedAt = types.StringNull()
	if vm.StartedAt != "" {
		m.StartedAt = types.StringValue(vm.StartedAt)
	}
	return m
}

// Nova Cloud prices in US dollars.
const currency = "USD"

// offerNodes are the nodes the offers name; none when they do not say,
// as the document's /search answer does not.
func offerNodes(offers []api.Offer) []string {
	var out []string
	for _, o := range offers {
		if o.Node != "" && !slices.Contains(out, o.Node) {
			out = append(out, o.Node)
		}
	}
	return out
}

func offersAt(offers []api.Offer, node string) []api.Offer {
	var out []api.Offer
	for _, o := range offers {
		if o.Node == node {
			out = append(out, o)
		}
	}
	return out
}

func gpuTypesOn(offers []api.Offer) string {
	var types []string
	for _, o := range offers {
		if !slices.Contains(types, o.GPUType) {
			types = append(types, o.GPUType)
		}
	}
	if len(types) == 0 {
		return "It has none on offer now."
	}
	return "It offers: " + strings.Join(types, ", ") + "."
}

// cheapestAt is the offer of gpuType with the lowest interruptible rate.
func cheapestAt(offers []api.Offer, gpuType string) *api.Offer {
	var best *api.Offer
	for i, o := range offers {
		if o.GPUType == gpuType && (best == nil || o.InterruptibleRate < best.InterruptibleRate) {
			best = &offers[i]
		}
	}
	return best
}
