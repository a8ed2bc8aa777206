package verda

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type volumeTypesModel struct {
	SharedFS    types.Bool        `tfsdk:"shared_fs"`
	VolumeTypes []volumeTypeModel `tfsdk:"volume_types"`
}

type volumeTypeModel struct {
	Type                 string  `tfsdk:"type"`
	PricePerMonthPerGB   float64 `tfsdk:"price_per_month_per_gb"`
	Currency             string  `tfsdk:"currency"`
	SharedFS             bool    `tfsdk:"shared_fs"`
	IOPS                 string  `tfsdk:"iops"`
	ThroughputGbps       float64 `tfsdk:"throughput_gbps"`
	BurstBandwidth       float64 `tfsdk:"burst_bandwidth"`
	ContinuousBandwidth  float64 `tfsdk:"continuous_bandwidth"`
	InternalNetworkSpeed float64 `tfsdk:"internal_network_speed"`
}

func volumeTypesFromAPI(vts []api.VolumeType, shared *bool) []volumeTypeModel {
	out := []volumeTypeModel{}
	for _, v := range vts {
		if shared != nil && *shared != v.IsSharedFS {
			continue
		}
		out = append(out, volumeTypeModel{
			Type: v.Type, PricePerMonthPerGB: float64(v.Price.PricePerMonthPerGB), Currency: v.Price.Currency,
			SharedFS: v.IsSharedFS, IOPS: v.IOPS, ThroughputGbps: float64(v.ThroughputGbps),
			BurstBandwidth: float64(v.BurstBandwidth), ContinuousBandwidth: float64(v.ContinuousBandwidth),
			InternalNetworkSpeed: float64(v.InternalNetworkSpeed),
		})
	}
	return out
}
