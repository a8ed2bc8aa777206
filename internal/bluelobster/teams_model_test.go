package bluelobster

import (
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
)

func TestTeamsFromAPI(t *testing.T) {
	all := []api.Instance{
		{UUID: "a", TeamID: "t-2", TeamName: "Render Team"},
		{UUID: "b"},
		{UUID: "c", TeamID: "t-1", TeamName: "ML Team"},
		{UUID: "d", TeamID: "t-2", TeamName: "Render Team"},
	}
	want := []teamData{{ID: "t-1", Name: "ML Team", InstanceIDs: []string{"c"}}, {ID: "t-2", Name: "Render Team", InstanceIDs: []string{"a", "d"}}}
	if got := teamsFromAPI(all, types.StringNull()); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := teamsFromAPI(all, types.StringValue("render team")); len(got) != 1 || got[0].ID != "t-2" {
		t.Errorf("filtered by name: %+v", got)
	}
	if got := teamsFromAPI(nil, types.StringNull()); got == nil {
		t.Error("no teams must be an empty list, not null")
	}
}

func TestTeamsParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewTeamsDataSource(), &teamsModel{})
}
