package bluelobster

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

type teamsModel struct {
	Name  types.String `tfsdk:"name"`
	Teams []teamData   `tfsdk:"teams"`
}

type teamData struct {
	ID          string   `tfsdk:"id"`
	Name        string   `tfsdk:"name"`
	InstanceIDs []string `tfsdk:"instance_ids"`
}

// teamsFromAPI gathers the teams named on instances, with their instances.
func teamsFromAPI(all []api.Instance, name types.String) []teamData {
	out := []teamData{}
	index := map[string]int{}
	for _, i := range all {
		if i.TeamID == "" || !sharedschema.Matches(name, i.TeamName) {
			continue
		}
		n, ok := index[i.TeamID]
		if !ok {
			n = len(out)
			index[i.TeamID] = n
			out = append(out, teamData{ID: i.TeamID, Name: i.TeamName, InstanceIDs: []string{}})
		}
		out[n].InstanceIDs = append(out[n].InstanceIDs, i.UUID)
	}
	sharedschema.SortByName(out, func(t teamData) (string, string) { return t.Name, t.ID })
	return out
}
