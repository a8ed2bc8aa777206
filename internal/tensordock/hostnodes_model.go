package tensordock

import (
	"math"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

type hostnodesModel struct {
	GPUModel         types.String    `tfsdk:"gpu_model"`
	MinAvailableGPUs types.Int64     `tfsdk:"min_available_gpus"`
	Country          types.String    `tfsdk:"country"`
	City             types.String    `tfsdk:"city"`
	MaxGPUPricePerHr types.Float64   `tfsdk:"max_gpu_price_per_hour"`
	MinVCPUs         types.Int64     `tfsdk:"min_vcpus"`
	MinRAMGB         types.Int64     `tfsdk:"min_ram_gb"`
	MinStorageGB     types.Int64     `tfsdk:"min_storage_gb"`
	MinUptime        types.Float64   `tfsdk:"min_uptime_percentage"`
	Hostnodes        []hostnodeModel `tfsdk:"hostnodes"`
}

func hostnodesFromAPI(nodes []api.Hostnode, f hostnodesModel) []hostnodeModel {
	gpuFilter := f.GPUModel.ValueString()
	out := []hostnodeModel{}
	for _, n := range nodes {
		m := hostnodeFromAPI(n, gpuFilter)
		free := int64(0)
		for _, g := range m.GPUs {
			if gpuFilter == "" || strings.EqualFold(gpuFilter, g.V0Name) {
				free += g.AvailableCount
			}
		}
		switch {
		case gpuFilter != "" && free == 0,
			free < f.MinAvailableGPUs.ValueInt64(),
			!f.Country.IsNull() && !strings.EqualFold(f.Country.ValueString(), m.Country),
			!f.City.IsNull() && !strings.EqualFold(f.City.ValueString(), m.City),
			!f.MaxGPUPricePerHr.IsNull() && (m.GPUPricePerHour == nil || *m.GPUPricePerHour > f.MaxGPUPricePerHr.ValueFloat64()),
			m.VCPUCount < f.MinVCPUs.ValueInt64(), m.RAMGB < f.MinRAMGB.ValueInt64(), m.StorageGB < f.MinStorageGB.ValueInt64(),
			m.UptimePercentage < f.MinUptime.ValueFloat64():
			continue
		}
		out = append(out, m)
	}
	price := func(m hostnodeModel) float64 {
		if m.GPUPricePerHour == nil {
			return math.Inf(1)
		}
		return *m.GPUPricePerHour
	}
	sort.SliceStable(out, func(i, j int) bool {
		if price(out[i]) != price(out[j]) {
			return price(out[i]) < price(out[j])
		}
		return out[i].ID < out[j].ID
	})
	return out
}
