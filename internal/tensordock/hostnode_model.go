package tensordock

import (
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

type gpuModel struct {
	V0Name         string  `tfsdk:"v0_name"`
	AvailableCount int64   `tfsdk:"available_count"`
	PricePerHour   float64 `tfsdk:"price_per_hour"`
}

type hostnodeModel struct {
	ID               string     `tfsdk:"id"`
	LocationID       string     `tfsdk:"location_id"`
	Engine           string     `tfsdk:"engine"`
	UptimePercentage float64    `tfsdk:"uptime_percentage"`
	City             string     `tfsdk:"city"`
	StateProvince    string     `tfsdk:"stateprovince"`
	Country          string     `tfsdk:"country"`
	Tier             int64      `tfsdk:"tier"`
	NetworkSpeedGbps float64    `tfsdk:"network_speed_gbps"`
	UploadGbps       float64    `tfsdk:"network_speed_upload_gbps"`
	NetworkStorage   bool       `tfsdk:"has_network_storage"`
	VCPUCount        int64      `tfsdk:"vcpu_count"`
	RAMGB            int64      `tfsdk:"ram_gb"`
	StorageGB        int64      `tfsdk:"storage_gb"`
	PerVCPUHr        float64    `tfsdk:"per_vcpu_hr"`
	PerGBRAMHr       float64    `tfsdk:"per_gb_ram_hr"`
	PerGBStorageHr   float64    `tfsdk:"per_gb_storage_hr"`
	GPUs             []gpuModel `tfsdk:"gpus"`
	GPUPricePerHour  *float64   `tfsdk:"gpu_price_per_hour"`
}

func hostnodeFromAPI(n api.Hostnode, gpuFilter string) hostnodeModel {
	m := hostnodeModel{
		ID: n.ID, LocationID: n.LocationID, Engine: n.Engine, UptimePercentage: float64(n.UptimePercentage),
		City: n.Location.City, StateProvince: n.Location.StateProvince, Country: n.Location.Country, Tier: n.Location.Tier,
		NetworkSpeedGbps: float64(n.Location.NetworkSpeedGbps), UploadGbps: float64(n.Location.NetworkSpeedUploadGbps),
		NetworkStorage: n.Location.HasNetworkStorage,
		VCPUCount:      n.AvailableResources.VCPUCount, RAMGB: n.AvailableResources.RAMGB, StorageGB: n.AvailableResources.StorageGB,
		PerVCPUHr: float64(n.Pricing.PerVCPUHr), PerGBRAMHr: float64(n.Pricing.PerGBRAMHr), PerGBStorageHr: float64(n.Pricing.PerGBStorageHr),
		GPUs: []gpuModel{},
	}
	for _, g := range n.AvailableResources.GPUs {
		m.GPUs = append(m.GPUs, gpuModel{V0Name: g.V0Name, AvailableCount: g.AvailableCount, PricePerHour: float64(g.PricePerHr)})
		if g.AvailableCount > 0 && (gpuFilter == "" || strings.EqualFold(gpuFilter, g.V0Name)) {
			if p := float64(g.PricePerHr); m.GPUPricePerHour == nil || p < *m.GPUPricePerHour {
				m.GPUPricePerHour = &p
			}
		}
	}
	return m
}

type hostnodeDataModel struct {
	hostnodeModel
	AvailablePorts []int64 `tfsdk:"available_ports"`
}

// hostnodeDataFromAPI is one hostnode as gpucloud_tensordock_hostnode shows
// it: every GPU model, and the ports free on it.
func hostnodeDataFromAPI(n *api.Hostnode) hostnodeDataModel {
	return hostnodeDataModel{hostnodeModel: hostnodeFromAPI(*n, ""), AvailablePorts: append([]int64{}, n.AvailableResources.AvailablePorts...)}
}
