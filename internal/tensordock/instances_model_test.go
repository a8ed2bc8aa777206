package tensordock

import (
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

func TestInstancesFromAPI(t *testing.T) {
	all := []api.Instance{
		{ID: "c", Name: "team-b-1", Status: "running"},
		{ID: "a", Name: "team-a-1", Status: "running", IPAddress: "198.51.100.1", RateHourly: 2.5,
			PortForwards: []api.PortForward{{InternalPort: 22, ExternalPort: 20022}},
			Resources:    api.Resources{VCPUCount: 8, RAMGB: 32, StorageGB: 200, GPUs: map[string]api.GPUAllocation{"h100-sxm5-80gb": {Count: 2}}}},
		{ID: "b", Name: "team-a-2", Status: "Stopped"},
	}
	ids := func(ms []instanceData) (out []string) {
		for _, m := range ms {
			out = append(out, m.ID)
		}
		return out
	}
	null := types.StringNull()
	for _, tc := range []struct {
		filter instancesModel
		want   []string
	}{
		{instancesModel{NameRegex: null, Status: null}, []string{"a", "b", "c"}},
		{instancesModel{NameRegex: types.StringValue("^team-a-"), Status: null}, []string{"a", "b"}},
		{instancesModel{NameRegex: null, Status: types.StringValue("stopped")}, []string{"b"}},
		{instancesModel{NameRegex: types.StringValue("nobody"), Status: null}, nil},
	} {
		if got := ids(instancesFromAPI(all, tc.filter)); !slices.Equal(got, tc.want) {
			t.Errorf("%+v: got %v, want %v", tc.filter, got, tc.want)
		}
	}
	got := instancesFromAPI(all, instancesModel{})
	if a := got[0]; a.GPUModel.ValueString() != "h100-sxm5-80gb" || a.GPUCount != 2 || a.VCPUCount != 8 || a.StorageGB != 200 ||
		a.PricePerHour != 2.5 || a.PortForwards[0].ExternalPort.ValueInt64() != 20022 || a.IPAddress != "198.51.100.1" {
		t.Errorf("fields not carried: %+v", a)
	}
	if c := got[2]; !c.GPUModel.IsNull() || c.GPUCount != 0 || c.PortForwards == nil {
		t.Errorf("a CPU-only machine has a null gpu_model, 0 GPUs and an empty port list: %+v", c)
	}
	if instancesFromAPI(nil, instancesModel{}) == nil {
		t.Error("no instances must be an empty list, not null")
	}
}

func TestInstancesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewInstancesDataSource(), &instancesModel{})
}
