package nova

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

type instancesModel struct {
	NameRegex types.String   `tfsdk:"name_regex"`
	Status    types.String   `tfsdk:"status"`
	Node      types.String   `tfsdk:"node"`
	GPUType   types.String   `tfsdk:"gpu_type"`
	Instances []instanceData `tfsdk:"instances"`
}

type instanceData struct {
	ID            string  `tfsdk:"id"`
	VMID          int64   `tfsdk:"vmid"`
	InstanceLabel string  `tfsdk:"instance_label"`
	Node          string  `tfsdk:"node"`
	GPUType       string  `tfsdk:"gpu_type"`
	GPUCount      int64   `tfsdk:"gpu_count"`
	StorageGB     int64   `tfsdk:"storage_gb"`
	RAMGB         int64   `tfsdk:"ram_gb"`
	CPUCores      int64   `tfsdk:"cpu_cores"`
	TemplateVMID  int64   `tfsdk:"template_vmid"`
	RentalType    string  `tfsdk:"rental_type"`
	IPAddress     string  `tfsdk:"ip_address"`
	Status        string  `tfsdk:"status"`
	PricePerHour  float64 `tfsdk:"price_per_hour"`
	CreatedAt     string  `tfsdk:"created_at"`
	StartedAt     string  `tfsdk:"started_at"`
}

// instancesFromAPI keeps the VMs that pass the filters of m, by label.
func instancesFromAPI(all []api.VM, m instancesModel) []instanceData {
	out := []instanceData{}
	for _, vm := range all {
		if !sharedschema.MatchesName(m.NameRegex, vm.InstanceLabel) || !sharedschema.Matches(m.Status, vm.Status) ||
			!sharedschema.Matches(m.Node, vm.Node) || !sharedschema.Matches(m.GPUType, vm.GPUType) {
			continue
		}
		out = append(out, instanceData{
			ID: vm.ID, VMID: vm.VMID, InstanceLabel: vm.InstanceLabel, Node: vm.Node, GPUType: vm.GPUType, GPUCount: vm.GPUCount,
			StorageGB: vm.StorageGB, RAMGB: vm.RAMGB, CPUCores: vm.CPUCores, TemplateVMID: vm.TemplateVMID, RentalType: vm.RentalType,
			IPAddress: vm.IPAddress, Status: vm.Status, PricePerHour: float64(vm.HourlyRate), CreatedAt: vm.CreatedAt, StartedAt: vm.StartedAt,
		})
	}
	sharedschema.SortByName(out, func(d instanceData) (string, string) { return d.InstanceLabel, d.ID })
	return out
}
