package verda

import (
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type instanceTypesModel struct {
	GPUModel        types.String        `tfsdk:"gpu_model"`
	MinGPUCount     types.Int64         `tfsdk:"min_gpu_count"`
	MaxPricePerHour types.Float64       `tfsdk:"max_price_per_hour"`
	LocationCode    types.String        `tfsdk:"location_code"`
	Spot            types.Bool          `tfsdk:"spot"`
	InstanceTypes   []instanceTypeModel `tfsdk:"instance_types"`
}

type instanceTypeModel struct {
	InstanceType       string   `tfsdk:"instance_type"`
	ID                 string   `tfsdk:"id"`
	Name               string   `tfsdk:"name"`
	DisplayName        string   `tfsdk:"display_name"`
	GPUModel           string   `tfsdk:"gpu_model"`
	Manufacturer       string   `tfsdk:"manufacturer"`
	Description        string   `tfsdk:"description"`
	CPUCores           int64    `tfsdk:"cpu_cores"`
	MemoryGB           int64    `tfsdk:"memory_gb"`
	GPUCount           int64    `tfsdk:"gpu_count"`
	GPUMemoryGB        int64    `tfsdk:"gpu_memory_gb"`
	GPUDescription     string   `tfsdk:"gpu_description"`
	StorageDescription string   `tfsdk:"storage_description"`
	PricePerHour       float64  `tfsdk:"price_per_hour"`
	SpotPricePerHour   float64  `tfsdk:"spot_price_per_hour"`
	Currency           string   `tfsdk:"currency"`
	SupportedOS        []string `tfsdk:"supported_os"`
	DeployWarning      string   `tfsdk:"deploy_warning"`
	AvailableLocations []string `tfsdk:"available_locations"`
}

type instanceTypeFilter struct {
	GPUModel     string
	MinGPUCount  int64
	MaxPrice     *float64
	LocationCode string
	Spot         bool
}

// instanceTypesFromAPI joins types with availability, filters, and sorts by
// the price that applies (spot or on-demand), cheapest first.
func instanceTypesFromAPI(all []api.InstanceType, avail []api.LocationAvailability, f instanceTypeFilter) []instanceTypeModel {
	where := map[string][]string{}
	for _, la := range avail {
		for _, t := range la.Availabilities {
			where[t] = append(where[t], la.LocationCode)
		}
	}
	price := func(t api.InstanceType) float64 {
		if f.Spot {
			return float64(t.SpotPrice)
		}
		return float64(t.PricePerHour)
	}
	out := []instanceTypeModel{}
	for _, t := range all {
		locations := where[t.InstanceType]
		sort.Strings(locations)
		switch {
		case f.GPUModel != "" && !strings.EqualFold(f.GPUModel, t.Model) && !strings.EqualFold(f.GPUModel, t.Name):
			continue
		case t.GPU.NumberOfGPUs < f.MinGPUCount:
			continue
		case f.MaxPrice != nil && price(t) > *f.MaxPrice:
			continue
		case f.Spot && t.SpotPrice <= 0:
			continue
		case f.LocationCode != "" && !containsFold(locations, f.LocationCode):
			continue
		}
		out = append(out, instanceTypeModel{
			InstanceType: t.InstanceType, ID: t.ID, Name: t.Name, DisplayName: t.DisplayName, GPUModel: t.Model,
			Manufacturer: t.Manufacturer, Description: t.Description,
			CPUCores: t.CPU.NumberOfCores, MemoryGB: t.Memory.SizeInGigabytes,
			GPUCount: t.GPU.NumberOfGPUs, GPUMemoryGB: t.GPUMemory.SizeInGigabytes, GPUDescription: t.GPU.Description,
			StorageDescription: t.Storage.Description,
			PricePerHour:       float64(t.PricePerHour), SpotPricePerHour: float64(t.SpotPrice), Currency: t.Currency,
			SupportedOS: nonNil(t.SupportedOS), DeployWarning: t.DeployWarning, AvailableLocations: nonNil(locations),
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		pi, pj := out[i].PricePerHour, out[j].PricePerHour
		if f.Spot {
			pi, pj = out[i].SpotPricePerHour, out[j].SpotPricePerHour
		}
		if pi != pj {
			return pi < pj
		}
		return out[i].InstanceType < out[j].InstanceType
	})
	return out
}
