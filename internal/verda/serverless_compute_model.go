package verda

import (
	"cmp"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type serverlessComputeModel struct {
	AvailableOnly types.Bool    `tfsdk:"available_only"`
	Compute       []computeData `tfsdk:"compute"`
}

type computeData struct {
	Name        string `tfsdk:"name"`
	Size        int64  `tfsdk:"size"`
	IsAvailable bool   `tfsdk:"is_available"`
}

func computeFromAPI(all []api.ComputeResource, availableOnly bool) []computeData {
	out := []computeData{}
	for _, c := range all {
		if !availableOnly || c.IsAvailable {
			out = append(out, computeData{Name: c.Name, Size: int64(c.Size), IsAvailable: c.IsAvailable})
		}
	}
	slices.SortStableFunc(out, func(a, b computeData) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Size, b.Size)) })
	return out
}
