package bluelobster

import (
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
)

func TestInstancesFromAPI(t *testing.T) {
	all := []api.Instance{
		{UUID: "c", Name: "team-b-1", PowerStatus: "running", Region: "phl"},
		{UUID: "a", Name: "team-a-1", PowerStatus: "running", Region: "igl", CPUCores: 8, Memory: 32, Storage: 200, GPUCount: 1,
			GPUModel: "A4000", PriceCentsPerHour: 55, OSType: "linux", VMUsername: "ubuntu", Metadata: map[string]string{"team": "a"}},
		{UUID: "b", Name: "team-a-2", PowerStatus: "stopped", Region: "igl"},
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
		{instancesModel{NameRegex: null, PowerStatus: null, Region: null}, []string{"a", "b", "c"}},
		{instancesModel{NameRegex: types.StringValue("^team-a-"), PowerStatus: null, Region: null}, []string{"a", "b"}},
		{instancesModel{NameRegex: null, PowerStatus: types.StringValue("Running"), Region: null}, []string{"a", "c"}},
		{instancesModel{NameRegex: null, PowerStatus: null, Region: types.StringValue("IGL")}, []string{"a", "b"}},
	} {
		if got := ids(instancesFromAPI(all, tc.filter)); !slices.Equal(got, tc.want) {
			t.Errorf("%+v: got %v, want %v", tc.filter, got, tc.want)
		}
	}
	a := instancesFromAPI(all, instancesModel{})[0]
	if a.PricePerHour != 0.55 || a.OSType != "linux" || a.Username != "ubuntu" || a.Metadata["team"] != "a" || a.MemoryGiB != 32 || a.GPUModel != "A4000" {
		t.Errorf("fields not carried: %+v", a)
	}
	if instancesFromAPI(nil, instancesModel{}) == nil {
		t.Error("no instances must be an empty list, not null")
	}
}

func TestInstancesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewInstancesDataSource(), &instancesModel{})
}
