package novitai

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

type instancesModel struct {
	NameRegex types.String   `tfsdk:"name_regex"`
	Status    types.String   `tfsdk:"status"`
	Region    types.String   `tfsdk:"region"`
	Instances []instanceData `tfsdk:"instances"`
}

// instancesFromAPI keeps the instances that pass the filters of m, by name.
func instancesFromAPI(all []api.Instance, m instancesModel) []instanceData {
	out := []instanceData{}
	for i := range all {
		if sharedschema.MatchesName(m.NameRegex, all[i].Name) && sharedschema.Matches(m.Status, all[i].Status) &&
			sharedschema.Matches(m.Region, all[i].Region) {
			out = append(out, instanceDataFromAPI(&all[i]))
		}
	}
	sharedschema.SortByName(out, func(d instanceData) (string, string) { return d.Name.ValueString(), d.ID.ValueString() })
	return out
}
