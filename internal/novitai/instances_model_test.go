package novitai

import (
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
)

func TestInstancesFromAPI(t *testing.T) {
	all := []api.Instance{{ID: "inst-2", Name: "z-last", Status: "Stopped", Region: "US-EAST-01"}, *reportedInstance()}
	null := types.StringNull()
	for _, tc := range []struct {
		filter instancesModel
		want   []string
	}{
		{instancesModel{NameRegex: null, Status: null, Region: null}, []string{all[1].ID, "inst-2"}},
		{instancesModel{NameRegex: null, Status: types.StringValue("stopped"), Region: null}, []string{"inst-2"}},
		{instancesModel{NameRegex: null, Status: null, Region: types.StringValue("eu-west-01")}, []string{all[1].ID}},
		{instancesModel{NameRegex: types.StringValue("^z-"), Status: null, Region: null}, []string{"inst-2"}},
		{instancesModel{NameRegex: null, Status: types.StringValue("running"), Region: types.StringValue("US-EAST-01")}, nil},
	} {
		var got []string
		for _, d := range instancesFromAPI(all, tc.filter) {
			got = append(got, d.ID.ValueString())
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%+v: got %v, want %v", tc.filter, got, tc.want)
		}
	}
	if got := instancesFromAPI(nil, instancesModel{}); got == nil {
		t.Error("no instances is an empty list, not null")
	}
}

func TestInstancesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewInstancesDataSource(), &instancesModel{})
}
