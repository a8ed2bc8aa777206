package novitai

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
)

type instancesModel struct {
	Status    types.String   `tfsdk:"status"`
	Region    types.String   `tfsdk:"region"`
	Instances []instanceData `tfsdk:"instances"`
}

// instancesFromAPI lists the instances in status and region, where set.
func instancesFromAPI(all []api.Instance, status, region types.String) []instanceData {
	out := []instanceData{}
	for i := range all {
		if (status.IsNull() || strings.EqualFold(status.ValueString(), all[i].Status)) &&
			(region.IsNull() || strings.EqualFold(region.ValueString(), all[i].Region)) {
			out = append(out, instanceDataFromAPI(&all[i]))
		}
	}
	return out
}
