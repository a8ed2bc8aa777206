package verda

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type instancesModel struct {
	NameRegex    types.String        `tfsdk:"name_regex"`
	Status       types.String        `tfsdk:"status"`
	LocationCode types.String        `tfsdk:"location_code"`
	Instances    []instanceDataModel `tfsdk:"instances"`
}

// instancesFromAPI keeps the instances that pass the filters of m, by hostname.
func instancesFromAPI(all []api.Instance, m instancesModel) []instanceDataModel {
	out := []instanceDataModel{}
	for i := range all {
		if sharedschema.MatchesName(m.NameRegex, all[i].Hostname) && sharedschema.Matches(m.Status, all[i].Status) &&
			sharedschema.Matches(m.LocationCode, all[i].Location) {
			out = append(out, instanceDataFromAPI(&all[i]))
		}
	}
	sharedschema.SortByName(out, func(m instanceDataModel) (string, string) { return m.Hostname.ValueString(), m.ID.ValueString() })
	return out
}
