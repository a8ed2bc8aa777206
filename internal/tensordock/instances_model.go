package tensordock

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

type instancesModel struct {
	NameRegex types.String   `tfsdk:"name_regex"`
	Status    types.String   `tfsdk:"status"`
	Instances []instanceData `tfsdk:"instances"`
}

type instanceData struct {
	ID           string             `tfsdk:"id"`
	Name         string             `tfsdk:"name"`
	Status       string             `tfsdk:"status"`
	IPAddress    string             `tfsdk:"ip_address"`
	VCPUCount    int64              `tfsdk:"vcpu_count"`
	RAMGB        int64              `tfsdk:"ram_gb"`
	StorageGB    int64              `tfsdk:"storage_gb"`
	GPUModel     types.String       `tfsdk:"gpu_model"`
	GPUCount     int64              `tfsdk:"gpu_count"`
	PortForwards []portForwardModel `tfsdk:"port_forwards"`
	PricePerHour float64            `tfsdk:"price_per_hour"`
}

// instancesFromAPI keeps the instances that pass the filters of m, by name.
func instancesFromAPI(all []api.Instance, m instancesModel) []instanceData {
	out := []instanceData{}
	for _, i := range all {
		if !sharedschema.MatchesName(m.NameRegex, i.Name) || !sharedschema.Matches(m.Status, i.Status) {
			continue
		}
		model, count := i.Resources.GPU()
		gpu := types.StringNull()
		if count > 0 {
			gpu = types.StringValue(model)
		}
		forwards := []portForwardModel{}
		for _, p := range i.PortForwards {
			forwards = append(forwards, portForwardModel{InternalPort: types.Int64Value(p.InternalPort), ExternalPort: types.Int64Value(p.ExternalPort)})
		}
		out = append(out, instanceData{
			ID: i.ID, Name: i.Name, Status: i.Status, IPAddress: i.IPAddress, VCPUCount: i.Resources.VCPUCount, RAMGB: i.Resources.RAMGB,
			StorageGB: i.Resources.StorageGB, GPUModel: gpu, GPUCount: count, PortForwards: forwards, PricePerHour: float64(i.RateHourly),
		})
	}
	sharedschema.SortByName(out, func(d instanceData) (string, string) { return d.Name, d.ID })
	return out
}
