package tensordock

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

func hostnode(id, country string, gpus ...api.HostnodeGPU) api.Hostnode {
	var n api.Hostnode
	n.ID, n.Location.Country, n.UptimePercentage = id, country, 99.95
	n.AvailableResources.GPUs, n.AvailableResources.VCPUCount = gpus, 32
	n.AvailableResources.AvailablePorts = []int64{40022, 40023}
	return n
}

func TestHostnodeFromAPI(t *testing.T) {
	n := hostnode("hn-1", "Finland",
		api.HostnodeGPU{V0Name: "h100-sxm5-80gb", AvailableCount: 2, PricePerHr: 2.2},
		api.HostnodeGPU{V0Name: "a100-pcie-80gb", AvailableCount: 1, PricePerHr: 1.4},
		api.HostnodeGPU{V0Name: "rtx4090-pcie-24gb", AvailableCount: 0, PricePerHr: 0.3})
	got := hostnodeFromAPI(n, "")
	if got.GPUPricePerHour == nil || *got.GPUPricePerHour != 1.4 || len(got.GPUs) != 3 {
		t.Errorf("the cheapest free GPU sets the price: %+v", got)
	}
	if h100 := hostnodeFromAPI(n, "H100-SXM5-80GB"); *h100.GPUPricePerHour != 2.2 {
		t.Errorf("a GPU filter sets the price of that model, in any case: %v", *h100.GPUPricePerHour)
	}
	n.Location.HasNetworkStorage, n.Location.NetworkSpeedUploadGbps = true, 5
	if got := hostnodeFromAPI(n, ""); !got.NetworkStorage || got.UploadGbps != 5 {
		t.Errorf("the location's network storage and upload speed are told: %+v", got)
	}
	if cpu := hostnodeFromAPI(hostnode("hn-2", "Germany"), ""); cpu.GPUPricePerHour != nil || cpu.GPUs == nil {
		t.Errorf("a CPU-only hostnode has no GPU price and an empty GPU list: %+v", cpu)
	}
	one := hostnodeDataFromAPI(&n)
	if len(one.AvailablePorts) != 2 || one.ID != "hn-1" || one.UptimePercentage != 99.95 {
		t.Errorf("%+v", one)
	}
}

func TestHostnodeParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewHostnodeDataSource(), &hostnodeDataModel{})
}
