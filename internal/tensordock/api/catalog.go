package api

import (
	"context"
	"net/url"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
)

// HostnodeGPU is a GPU model a hostnode has free.
type HostnodeGPU struct {
	V0Name         string       `json:"v0Name"`
	AvailableCount int64        `json:"availableCount"`
	PricePerHr     jsonx.Number `json:"price_per_hr"`
}

// HostnodeLocation is where a hostnode stands.
type HostnodeLocation struct {
	UUID                   string       `json:"uuid"`
	City                   string       `json:"city"`
	StateProvince          string       `json:"stateprovince"`
	Country                string       `json:"country"`
	NetworkSpeedGbps       jsonx.Number `json:"network_speed_gbps"`
	NetworkSpeedUploadGbps jsonx.Number `json:"network_speed_upload_gbps"`
	HasNetworkStorage      bool         `json:"has_network_storage"`
	Tier                   int64        `json:"tier"`
}

// Hostnode is a machine instances are carved from, with what it has free.
type Hostnode struct {
	ID                 string       `json:"id"`
	LocationID         string       `json:"location_id"`
	Engine             string       `json:"engine"`
	UptimePercentage   jsonx.Number `json:"uptime_percentage"`
	AvailableResources struct {
		GPUs           []HostnodeGPU `json:"gpus"`
		VCPUCount      int64         `json:"vcpu_count"`
		RAMGB          int64         `json:"ram_gb"`
		StorageGB      int64         `json:"storage_gb"`
		AvailablePorts []int64       `json:"available_ports"`
	} `json:"available_resources"`
	Pricing struct {
		PerVCPUHr      jsonx.Number `json:"per_vcpu_hr"`
		PerGBRAMHr     jsonx.Number `json:"per_gb_ram_hr"`
		PerGBStorageHr jsonx.Number `json:"per_gb_storage_hr"`
	} `json:"pricing"`
	Location HostnodeLocation `json:"location"`
}

// ListHostnodes lists the hostnodes with free resources.
func (c *Client) ListHostnodes(ctx context.Context) ([]Hostnode, error) {
	var out struct {
		Data struct {
			Hostnodes []Hostnode `json:"hostnodes"`
		} `json:"data"`
	}
	return out.Data.Hostnodes, get(ctx, c, "/hostnodes", &out)
}

// GetHostnode reads one hostnode, with its free ports.
func (c *Client) GetHostnode(ctx context.Context, id string) (*Hostnode, error) {
	var out struct {
		Data Hostnode `json:"data"`
	}
	if err := get(ctx, c, "/hostnodes/"+url.PathEscape(id), &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// LocationGPU is a GPU model offered in a location.
type LocationGPU struct {
	V0Name      string       `json:"v0Name"`
	DisplayName string       `json:"displayName"`
	MaxCount    int64        `json:"max_count"`
	PricePerHr  jsonx.Number `json:"price_per_hr"`
	// Pricing and NetworkFeatures are objects the document names without
	// their fields; they are kept as they come.
	Pricing         map[string]any `json:"pricing"`
	NetworkFeatures map[string]any `json:"network_features"`
}

// Location is a datacenter with the GPUs it offers.
type Location struct {
	ID            string        `json:"id"`
	City          string        `json:"city"`
	StateProvince string        `json:"stateprovince"`
	Country       string        `json:"country"`
	Tier          int64         `json:"tier"`
	GPUs          []LocationGPU `json:"gpus"`
}

// ListLocations lists the locations; their stock can lag behind the hostnodes'.
func (c *Client) ListLocations(ctx context.Context) ([]Location, error) {
	var out struct {
		Data struct {
			Locations []Location `json:"locations"`
		} `json:"data"`
	}
	return out.Data.Locations, get(ctx, c, "/locations", &out)
}
