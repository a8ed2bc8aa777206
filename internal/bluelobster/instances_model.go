package bluelobster

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

type instancesModel struct {
	NameRegex   types.String   `tfsdk:"name_regex"`
	PowerStatus types.String   `tfsdk:"power_status"`
	Region      types.String   `tfsdk:"region"`
	Instances   []instanceData `tfsdk:"instances"`
}

type instanceData struct {
	ID           string            `tfsdk:"id"`
	Name         string            `tfsdk:"name"`
	Region       string            `tfsdk:"region"`
	InstanceType string            `tfsdk:"instance_type"`
	IPAddress    string            `tfsdk:"ip_address"`
	InternalIP   string            `tfsdk:"internal_ip"`
	HostID       string            `tfsdk:"host_id"`
	CPUCores     int64             `tfsdk:"cpu_cores"`
	MemoryGiB    int64             `tfsdk:"memory_gib"`
	StorageGiB   int64             `tfsdk:"storage_gib"`
	GPUCount     int64             `tfsdk:"gpu_count"`
	GPUModel     string            `tfsdk:"gpu_model"`
	PowerStatus  string            `tfsdk:"power_status"`
	TemplateName string            `tfsdk:"template_name"`
	OSType       string            `tfsdk:"os_type"`
	Username     string            `tfsdk:"username"`
	Metadata     map[string]string `tfsdk:"metadata"`
	PricePerHour float64           `tfsdk:"price_per_hour"`
	CreatedAt    string            `tfsdk:"created_at"`
}

// instancesFromAPI keeps the instances that pass the filters of m, by name.
func instancesFromAPI(all []api.Instance, m instancesModel) []instanceData {
	out := []instanceData{}
	for _, i := range all {
		if !sharedschema.MatchesName(m.NameRegex, i.Name) || !sharedschema.Matches(m.PowerStatus, i.PowerStatus) || !sharedschema.Matches(m.Region, i.Region) {
			continue
		}
		out = append(out, instanceData{
			ID: i.UUID, Name: i.Name, Region: i.Region, InstanceType: i.InstanceType, IPAddress: i.IPAddress, InternalIP: i.InternalIP,
			HostID: i.HostID, CPUCores: i.CPUCores, MemoryGiB: i.Memory, StorageGiB: i.Storage, GPUCount: i.GPUCount, GPUModel: i.GPUModel,
			PowerStatus: i.PowerStatus, TemplateName: i.TemplateName, OSType: i.OSType, Username: i.VMUsername, Metadata: i.Metadata,
			PricePerHour: float64(i.PriceCentsPerHour) / 100, CreatedAt: i.CreatedAt,
		})
	}
	sharedschema.SortByName(out, func(d instanceData) (string, string) { return d.Name, d.ID })
	return out
}
