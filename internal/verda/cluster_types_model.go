package verda

import (
	"cmp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type clusterTypesModel struct {
	Currency     types.String      `tfsdk:"currency"`
	ClusterTypes []clusterTypeData `tfsdk:"cluster_types"`
}

type clusterTypeData struct {
	ClusterType        string   `tfsdk:"cluster_type"`
	Model              string   `tfsdk:"model"`
	Name               string   `tfsdk:"name"`
	GPUCount           int64    `tfsdk:"gpu_count"`
	CPUCores           int64    `tfsdk:"cpu_cores"`
	MemoryGB           int64    `tfsdk:"memory_gb"`
	PricePerHour       float64  `tfsdk:"price_per_hour"`
	Currency           string   `tfsdk:"currency"`
	AvailableLocations []string `tfsdk:"available_locations"`
}

func clusterTypesFromAPI(all []api.ClusterType, avail []api.ClusterAvailability) []clusterTypeData {
	out := []clusterTypeData{}
	for _, t := range all {
		where := []string{}
		for _, a := range avail {
			if slices.Contains(a.Availabilities, t.ClusterType) {
				where = append(where, a.LocationCode)
			}
		}
		slices.Sort(where)
		out = append(out, clusterTypeData{ClusterType: t.ClusterType, Model: t.Model, Name: t.Name, GPUCount: t.GPU.NumberOfGPUs,
			CPUCores: t.CPU.NumberOfCores, MemoryGB: t.Memory.SizeInGigabytes, PricePerHour: float64(t.PricePerHour),
			Currency: strings.ToLower(t.Currency), AvailableLocations: where})
	}
	slices.SortStableFunc(out, func(a, b clusterTypeData) int { return cmp.Compare(a.PricePerHour, b.PricePerHour) })
	return out
}
