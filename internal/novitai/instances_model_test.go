package novitai

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
)

func TestInstancesFromAPI(t *testing.T) {
	all := []api.Instance{*reportedInstance(), {ID: "inst-2", Status: "Stopped", Region: "US-EAST-01"}}
	for _, tc := range []struct {
		status, region types.String
		want           int
	}{
		{types.StringNull(), types.StringNull(), 2},
		{types.StringValue("stopped"), types.StringNull(), 1},
		{types.StringNull(), types.StringValue("eu-west-01"), 1},
		{types.StringValue("running"), types.StringValue("US-EAST-01"), 0},
	} {
		if got := instancesFromAPI(all, tc.status, tc.region); len(got) != tc.want {
			t.Errorf("status %s, region %s: %d instances, want %d", tc.status, tc.region, len(got), tc.want)
		}
	}
	if got := instancesFromAPI(nil, types.StringNull(), types.StringNull()); got == nil {
		t.Error("no instances is an empty list, not null")
	}
}

func TestInstancesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewInstancesDataSource(), &instancesModel{})
}
