package verda

import (
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestInstancesFromAPI(t *testing.T) {
	all := []api.Instance{
		{ID: "c", Hostname: "team-b-1", Status: "running", Location: "FIN-01"},
		{ID: "a", Hostname: "team-a-1", Status: "running", Location: "FIN-01"},
		{ID: "b", Hostname: "team-a-2", Status: "offline", Location: "FIN-02"},
	}
	ids := func(ms []instanceDataModel) (out []string) {
		for _, m := range ms {
			out = append(out, m.ID.ValueString())
		}
		return out
	}
	null := types.StringNull()
	for _, tc := range []struct {
		filter instancesModel
		want   []string
	}{
		{instancesModel{NameRegex: null, Status: null, LocationCode: null}, []string{"a", "b", "c"}},
		{instancesModel{NameRegex: types.StringValue("^team-a-"), Status: null, LocationCode: null}, []string{"a", "b"}},
		{instancesModel{NameRegex: null, Status: types.StringValue("RUNNING"), LocationCode: null}, []string{"a", "c"}},
		{instancesModel{NameRegex: types.StringValue("-1$"), Status: null, LocationCode: types.StringValue("fin-01")}, []string{"a", "c"}},
		{instancesModel{NameRegex: types.StringValue("^nobody$"), Status: null, LocationCode: null}, nil},
	} {
		if got := ids(instancesFromAPI(all, tc.filter)); !slices.Equal(got, tc.want) {
			t.Errorf("%+v: got %v, want %v", tc.filter, got, tc.want)
		}
	}
	if got := instancesFromAPI(nil, instancesModel{}); got == nil {
		t.Error("no instances must be an empty list, not null")
	}
	if got := instancesFromAPI(all[1:2], instancesModel{}); got[0].Hostname.ValueString() != "team-a-1" || got[0].LocationCode.ValueString() != "FIN-01" {
		t.Errorf("fields not carried: %+v", got[0])
	}
}

func TestInstancesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewInstancesDataSource(), &instancesModel{})
}
