package verda

import (
	"cmp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type containerTypesModel struct {
	Currency       types.String        `tfsdk:"currency"`
	ContainerTypes []containerTypeData `tfsdk:"container_types"`
}

type containerTypeData struct {
	ID                  string  `tfsdk:"id"`
	Model               string  `tfsdk:"model"`
	Name                string  `tfsdk:"name"`
	InstanceType        string  `tfsdk:"instance_type"`
	Manufacturer        string  `tfsdk:"manufacturer"`
	GPUCount            int64   `tfsdk:"gpu_count"`
	GPUMemoryGB         int64   `tfsdk:"gpu_memory_gb"`
	CPUCores            int64   `tfsdk:"cpu_cores"`
	MemoryGB            int64   `tfsdk:"memory_gb"`
	Currency            string  `tfsdk:"currency"`
	ServerlessPrice     float64 `tfsdk:"serverless_price"`
	ServerlessSpotPrice float64 `tfsdk:"serverless_spot_price"`
}

func containerTypesFromAPI(all []api.ContainerType) []containerTypeData {
	out := []containerTypeData{}
	for _, t := range all {
		out = append(out, containerTypeData{
			ID: t.ID, Model: t.Model, Name: t.Name, InstanceType: t.InstanceType, Manufacturer: t.Manufacturer,
			GPUCount: t.GPU.NumberOfGPUs, GPUMemoryGB: t.GPUMemory.SizeInGigabytes, CPUCores: t.CPU.NumberOfCores,
			MemoryGB: t.Memory.SizeInGigabytes, Currency: strings.ToLower(t.Currency),
			ServerlessPrice: float64(t.ServerlessPrice), ServerlessSpotPrice: float64(t.ServerlessSpotPrice),
		})
	}
	slices.SortStableFunc(out, func(a, b containerTypeData) int { return cmp.Compare(a.ServerlessPrice, b.ServerlessPrice) })
	return out
}
