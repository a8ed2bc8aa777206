package tensordock

import (
	"net/http"
	"sort"
	"strconv"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

// Location is a datacenter.
type Location struct {
	ID, City, StateProvince, Country string
	Tier                             int
	NetworkGbps                      float64
}

// GPUStock is one GPU model on a hostnode.
type GPUStock struct {
	DisplayName string
	Available   int
	PricePerHr  float64
}

// Hostnode is a machine instances are carved from; its counts are what is free.
type Hostnode struct {
	ID, LocationID, Engine string
	Uptime                 float64
	GPUs                   map[string]*GPUStock
	VCPU, RAMGB, StorageGB int
	PerVCPUHr, PerGBRAMHr  float64
	PerGBStorageHr         float64
	FreePorts              []int
}

func ports(from, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = from + i
	}
	return out
}

func defaultStock() ([]Location, map[string]*Hostnode) {
	locs := []Location{
		{ID: "8f3c1a2e-0001-4a6b-9c1d-000000000001", City: "New York", StateProvince: "New York", Country: "United States", Tier: 3, NetworkGbps: 10},
		{ID: "8f3c1a2e-0002-4a6b-9c1d-000000000002", City: "Helsinki", StateProvince: "Uusimaa", Country: "Finland", Tier: 4, NetworkGbps: 25},
		{ID: "8f3c1a2e-0003-4a6b-9c1d-000000000003", City: "Frankfurt", StateProvince: "Hesse", Country: "Germany", Tier: 3, NetworkGbps: 10},
	}
	h100 := func(n int, price float64) *GPUStock {
		return &GPUStock{DisplayName: "NVIDIA H100 SXM5 80GB", Available: n, PricePerHr: price}
	}
	nodes := []*Hostnode{
		{ID: "4b1e0c5a-0000-4000-8000-0000000000a1", LocationID: locs[0].ID, Engine: "Narwhal", Uptime: 99.79,
			GPUs: map[string]*GPUStock{"h100-sxm5-80gb": h100(8, 2.20)}, VCPU: 208, RAMGB: 990, StorageGB: 14780,
			PerVCPUHr: 0.0015, PerGBRAMHr: 0.0007, PerGBStorageHr: 0.00005, FreePorts: ports(20000, 100)},
		{ID: "4b1e0c5a-0000-4000-8000-0000000000a2", LocationID: locs[0].ID, Engine: "Narwhal", Uptime: 98.5,
			GPUs: map[string]*GPUStock{"geforcertx4090-pcie-24gb": {DisplayName: "GeForce RTX 4090 PCIe 24GB", Available: 4, PricePerHr: 0.35}},
			VCPU: 64, RAMGB: 256, StorageGB: 4000, PerVCPUHr: 0.002, PerGBRAMHr: 0.001, PerGBStorageHr: 0.00005, FreePorts: ports(30000, 100)},
		{ID: "4b1e0c5a-0000-4000-8000-0000000000b1", LocationID: locs[1].ID, Engine: "Narwhal", Uptime: 99.95,
			GPUs: map[string]*GPUStock{
				"h100-sxm5-80gb": h100(4, 2.05),
				"a100-pcie-80gb": {DisplayName: "NVIDIA A100 PCIe 80GB", Available: 2, PricePerHr: 1.10},
			},
			VCPU: 128, RAMGB: 512, StorageGB: 8000, PerVCPUHr: 0.0015, PerGBRAMHr: 0.0007, PerGBStorageHr: 0.00005, FreePorts: ports(40000, 100)},
		{ID: "4b1e0c5a-0000-4000-8000-0000000000c1", LocationID: locs[2].ID, Engine: "Narwhal", Uptime: 97.2,
			GPUs: map[string]*GPUStock{}, VCPU: 96, RAMGB: 384, StorageGB: 6000,
			PerVCPUHr: 0.003, PerGBRAMHr: 0.0012, PerGBStorageHr: 0.00006, FreePorts: ports(50000, 100)},
	}
	byID := map[string]*Hostnode{}
	for _, n := range nodes {
		byID[n.ID] = n
	}
	return locs, byID
}

type gpuBody struct {
	V0Name         string  `json:"v0Name"`
	AvailableCount int     `json:"availableCount"`
	PricePerHr     float64 `json:"price_per_hr"`
}

type locationBody struct {
	UUID                   string  `json:"uuid"`
	City                   string  `json:"city"`
	StateProvince          string  `json:"stateprovince"`
	Country                string  `json:"country"`
	HasNetworkStorage      bool    `json:"has_network_storage"`
	NetworkSpeedGbps       float64 `json:"network_speed_gbps"`
	NetworkSpeedUploadGbps float64 `json:"network_speed_upload_gbps"`
	Organization           string  `json:"organization"`
	OrganizationName       string  `json:"organizationName"`
	Tier                   int     `json:"tier"`
}

type hostnodeBody struct {
	ID                 string  `json:"id"`
	LocationID         string  `json:"location_id"`
	Engine             string  `json:"engine"`
	UptimePercentage   float64 `json:"uptime_percentage"`
	AvailableResources struct {
		GPUs           []gpuBody `json:"gpus"`
		VCPUCount      int       `json:"vcpu_count"`
		RAMGB          int       `json:"ram_gb"`
		StorageGB      int       `json:"storage_gb"`
		AvailablePorts []int     `json:"available_ports,omitempty"`
	} `json:"available_resources"`
	Pricing struct {
		PerVCPUHr      float64 `json:"per_vcpu_hr"`
		PerGBRAMHr     float64 `json:"per_gb_ram_hr"`
		PerGBStorageHr float64 `json:"per_gb_storage_hr"`
	} `json:"pricing"`
	Location locationBody `json:"location"`
}

func (c *Cloud) location(id string) (Location, bool) {
	for _, l := range c.locations {
		if l.ID == id {
			return l, true
		}
	}
	return Location{}, false
}

func (c *Cloud) nodeBody(n *Hostnode, withPorts bool) hostnodeBody {
	b := hostnodeBody{ID: n.ID, LocationID: n.LocationID, Engine: n.Engine, UptimePercentage: n.Uptime}
	b.AvailableResources.GPUs = []gpuBody{}
	for _, name := range sortedKeys(n.GPUs) {
		g := n.GPUs[name]
		b.AvailableResources.GPUs = append(b.AvailableResources.GPUs, gpuBody{V0Name: name, AvailableCount: g.Available, PricePerHr: g.PricePerHr})
	}
	b.AvailableResources.VCPUCount, b.AvailableResources.RAMGB, b.AvailableResources.StorageGB = n.VCPU, n.RAMGB, n.StorageGB
	if withPorts {
		b.AvailableResources.AvailablePorts = append([]int{}, n.FreePorts...)
	}
	b.Pricing.PerVCPUHr, b.Pricing.PerGBRAMHr, b.Pricing.PerGBStorageHr = n.PerVCPUHr, n.PerGBRAMHr, n.PerGBStorageHr
	l, _ := c.location(n.LocationID)
	b.Location = locationBody{
		UUID: l.ID, City: l.City, StateProvince: l.StateProvince, Country: l.Country, NetworkSpeedGbps: l.NetworkGbps,
		NetworkSpeedUploadGbps: l.NetworkGbps, Organization: "sim-org", OrganizationName: "gpucloud-sim", Tier: l.Tier,
	}
	return b
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (c *Cloud) listHostnodes(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := []hostnodeBody{}
	for _, id := range sortedKeys(c.nodes) {
		out = append(out, c.nodeBody(c.nodes[id], false))
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"hostnodes": out}})
}

func (c *Cloud) getHostnode(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.nodes[r.PathValue("id")]
	if !ok {
		c.fail(w, http.StatusNotFound, "Hostnode not found")
		return
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"data": c.nodeBody(n, true)})
}

func (c *Cloud) listLocations(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	type gpu struct {
		V0Name      string  `json:"v0Name"`
		DisplayName string  `json:"displayName"`
		MaxCount    int     `json:"max_count"`
		PricePerHr  float64 `json:"price_per_hr"`
		Resources   any     `json:"resources"`
		Pricing     any     `json:"pricing"`
		Network     any     `json:"network_features"`
	}
	type loc struct {
		ID            string `json:"id"`
		City          string `json:"city"`
		StateProvince string `json:"stateprovince"`
		Country       string `json:"country"`
		Tier          int    `json:"tier"`
		GPUs          []gpu  `json:"gpus"`
	}
	stale := c.switches.Get().StaleStock
	out := []loc{}
	for _, l := range c.locations {
		byName := map[string]*gpu{}
		for _, id := range sortedKeys(c.nodes) {
			n := c.nodes[id]
			if n.LocationID != l.ID {
				continue
			}
			for name, g := range n.GPUs {
				count := g.Available
				if stale && count == 0 {
					count = 1
				}
				cur, ok := byName[name]
				if !ok {
					cur = &gpu{V0Name: name, DisplayName: g.DisplayName, PricePerHr: g.PricePerHr,
						Resources: map[string]int{"max_vcpus": n.VCPU, "max_ram_gb": n.RAMGB, "max_storage_gb": n.StorageGB},
						Pricing:   map[string]float64{"per_vcpu_hr": n.PerVCPUHr, "per_gb_ram_hr": n.PerGBRAMHr, "per_gb_storage_hr": n.PerGBStorageHr},
						Network:   map[string]bool{"dedicated_ip_available": true, "port_forwarding_available": true}}
					byName[name] = cur
				}
				cur.MaxCount = max(cur.MaxCount, count)
				cur.PricePerHr = min(cur.PricePerHr, g.PricePerHr)
			}
		}
		entry := loc{ID: l.ID, City: l.City, StateProvince: l.StateProvince, Country: l.Country, Tier: l.Tier, GPUs: []gpu{}}
		for _, name := range sortedKeys(byName) {
			if byName[name].MaxCount > 0 {
				entry.GPUs = append(entry.GPUs, *byName[name])
			}
		}
		out = append(out, entry)
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"locations": out}})
}

func itoa(n int) string { return strconv.Itoa(n) }
