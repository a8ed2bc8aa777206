package bluelobster

import (
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
)

type instanceTypesModel struct {
	GPUModel        types.String        `tfsdk:"gpu_model"`
	MinGPUCount     types.Int64         `tfsdk:"min_gpu_count"`
	MaxPricePerHour types.Float64       `tfsdk:"max_price_per_hour"`
	Region          types.String        `tfsdk:"region"`
	AvailableOnly   types.Bool          `tfsdk:"available_only"`
	InstanceTypes   []instanceTypeModel `tfsdk:"instance_types"`
}

type instanceTypeModel struct {
	Name         string   `tfsdk:"name"`
	Description  string   `tfsdk:"description"`
	PricePerHour float64  `tfsdk:"price_per_hour"`
	VCPUs        int64    `tfsdk:"vcpus"`
	MemoryGiB    int64    `tfsdk:"memory_gib"`
	StorageGiB   int64    `tfsdk:"storage_gib"`
	GPUCount     int64    `tfsdk:"gpu_count"`
	GPUModel     string   `tfsdk:"gpu_model"`
	Regions      []string `tfsdk:"regions_with_capacity"`
}

func instanceTypesFromAPI(all []api.InstanceType, f instanceTypesModel) []instanceTypeModel {
	out := []instanceTypeModel{}
	for _, t := range all {
		price := t.PriceCentsPerHour / 100
		switch {
		case !f.GPUModel.IsNull() && !strings.EqualFold(f.GPUModel.ValueString(), t.GPUModel),
			t.GPUs < f.MinGPUCount.ValueInt64(),
			!f.MaxPricePerHour.IsNull() && price > f.MaxPricePerHour.ValueFloat64(),
			!f.Region.IsNull() && !slices.Contains(t.Regions, f.Region.ValueString()),
			f.AvailableOnly.ValueBool() && len(t.Regions) == 0:
			continue
		}
		out = append(out, instanceTypeModel{
			Name: t.Name, Description: t.Description, PricePerHour: price, VCPUs: t.VCPUs, MemoryGiB: t.MemoryGiB,
			StorageGiB: t.StorageGiB, GPUCount: t.GPUs, GPUModel: t.GPUModel, Regions: append([]string{}, t.Regions...),
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].PricePerHour != out[j].PricePerHour {
			return out[i].PricePerHour < out[j].PricePerHour
		}
		return out[i].Name < out[j].Name
	})
	return out
}
