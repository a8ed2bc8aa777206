package verda

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

// Location is the document's location object.
type Location struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	CountryCode string `json:"country_code"`
}

// Image is the document's Os object.
type Image struct {
	ID        string   `json:"id"`
	ImageType string   `json:"image_type"`
	Name      string   `json:"name"`
	IsDefault bool     `json:"is_default"`
	Details   []string `json:"details"`
	Category  string   `json:"category"`
	IsCluster bool     `json:"is_cluster"`
}

// Spec is a {description, number_of_*, size_in_gigabytes} object.
type Spec struct {
	Description     string `json:"description"`
	NumberOfCores   int    `json:"number_of_cores,omitempty"`
	NumberOfGPUs    int    `json:"number_of_gpus,omitempty"`
	SizeInGigabytes int    `json:"size_in_gigabytes,omitempty"`
}

// InstanceType is the document's instance type; prices travel as strings.
type InstanceType struct {
	ID            string   `json:"id"`
	InstanceType  string   `json:"instance_type"`
	Model         string   `json:"model"`
	Name          string   `json:"name"`
	DisplayName   string   `json:"display_name"`
	Manufacturer  string   `json:"manufacturer"`
	Description   string   `json:"description"`
	BestFor       []string `json:"best_for"`
	CPU           Spec     `json:"cpu"`
	GPU           Spec     `json:"gpu"`
	GPUMemory     Spec     `json:"gpu_memory"`
	Memory        Spec     `json:"memory"`
	Storage       Spec     `json:"storage"`
	P2P           string   `json:"p2p"`
	PricePerHour  string   `json:"price_per_hour"`
	SpotPrice     string   `json:"spot_price"`
	DynamicPrice  string   `json:"dynamic_price"`
	MaxDynamic    string   `json:"max_dynamic_price"`
	Currency      string   `json:"currency"`
	SupportedOS   []string `json:"supported_os"`
	DeployWarning string   `json:"deploy_warning,omitempty"`
}

// VolumeType is the document's volume type.
type VolumeType struct {
	Type                 string          `json:"type"`
	Price                VolumeTypePrice `json:"price"`
	IsSharedFS           bool            `json:"is_shared_fs"`
	BurstBandwidth       float64         `json:"burst_bandwidth"`
	ContinuousBandwidth  float64         `json:"continuous_bandwidth"`
	InternalNetworkSpeed float64         `json:"internal_network_speed"`
	IOPS                 string          `json:"iops"`
	ThroughputGbps       float64         `json:"throughput_gbps"`
}

// VolumeTypePrice is a volume type's price.
type VolumeTypePrice struct {
	PricePerMonthPerGB float64 `json:"price_per_month_per_gb"`
	CPSPerGB           float64 `json:"cps_per_gb"`
	Currency           string  `json:"currency"`
}

// Catalog is what the project can deploy and where.
type Catalog struct {
	Locations     []Location
	Images        []Image
	InstanceTypes []InstanceType
	// Availability and SpotAvailability map a location code to the instance
	// types deployable there now.
	Availability     map[string][]string
	SpotAvailability map[string][]string
	VolumeTypes      []VolumeType
	Balance          float64
}

func gpuType(id, name, model, display string, gpus, cpus, ramGB, gpuMemGB int, price, spot string) InstanceType {
	return InstanceType{
		ID: id, InstanceType: name, Model: model, Name: display, DisplayName: "NVIDIA " + display,
		Manufacturer: "NVIDIA", Description: "Dedicated Hardware Instance", BestFor: []string{"Training", "Inference"},
		CPU:       Spec{Description: fmt.Sprintf("%d CPU", cpus), NumberOfCores: cpus},
		GPU:       Spec{Description: fmt.Sprintf("%dx %s", gpus, display), NumberOfGPUs: gpus},
		GPUMemory: Spec{Description: fmt.Sprintf("%dGB GPU RAM", gpuMemGB), SizeInGigabytes: gpuMemGB},
		Memory:    Spec{Description: fmt.Sprintf("%dGB RAM", ramGB), SizeInGigabytes: ramGB},
		Storage:   Spec{Description: "dynamic"}, P2P: "600 GB/s",
		PricePerHour: price, SpotPrice: spot, DynamicPrice: price, MaxDynamic: price, Currency: "usd",
		SupportedOS: []string{"ubuntu-24.04", "ubuntu-22.04-cuda-12.4-docker", "ubuntu-24.04-cuda-12.8-open-docker"},
	}
}

// DefaultCatalog is a small, realistic Verda catalogue.
func DefaultCatalog() Catalog {
	cpu := InstanceType{
		ID: "c9a1c0de-0000-4000-8000-000000000001", InstanceType: "CPU.4V.16G", Model: "CPU Node", Name: "CPU Node",
		DisplayName: "AMD EPYC CPU Node", Manufacturer: "AMD", Description: "Shared CPU Instance", BestFor: []string{"Development"},
		CPU: Spec{Description: "4 CPU", NumberOfCores: 4}, GPU: Spec{Description: ""}, GPUMemory: Spec{Description: ""},
		Memory: Spec{Description: "16GB RAM", SizeInGigabytes: 16}, Storage: Spec{Description: "dynamic"},
		PricePerHour: "0.04", SpotPrice: "0.02", DynamicPrice: "0.04", MaxDynamic: "0.04", Currency: "usd",
		SupportedOS: []string{"ubuntu-24.04", "ubuntu-22.04-cuda-12.4-docker"},
	}
	h100 := gpuType("c01dd00d-0000-4972-ae4e-d429115d055b", "1H100.80S.22V", "H100", "H100 SXM5 80GB", 1, 22, 187, 80, "3.17", "1.27")
	h100.DeployWarning = "Make sure your VM is running on latest Nvidia Driver 525.100+ or newer"
	return Catalog{
		Locations: []Location{
			{Code: "FIN-01", Name: "Finland 1", CountryCode: "FI"},
			{Code: "FIN-02", Name: "Finland 2", CountryCode: "FI"},
			{Code: "FIN-03", Name: "Finland 3", CountryCode: "FI"},
			{Code: "ICE-01", Name: "Iceland 1", CountryCode: "IS"},
		},
		Images: []Image{
			{ID: "342377e1-9f51-4c30-8797-1e12f6ae1d22", ImageType: "ubuntu-24.04", Name: "Ubuntu 24.04", Details: []string{"Ubuntu 24.04", "Minimal Image"}, Category: "ubuntu"},
			{ID: "5e1a37b2-2a01-4f7b-9d2e-7b0c6c5a1c02", ImageType: "ubuntu-22.04-cuda-12.4-docker", Name: "Ubuntu 22.04 + CUDA 12.4 + Docker", IsDefault: true, Details: []string{"Ubuntu 22.04", "CUDA 12.4", "Docker"}, Category: "ubuntu"},
			{ID: "8f0b7c7e-6c3d-4f55-a3d1-2a8e4c1f9e03", ImageType: "ubuntu-24.04-cuda-12.8-open-docker", Name: "Ubuntu 24.04 + CUDA 12.8 Open + Docker", Details: []string{"Ubuntu 24.04", "CUDA 12.8", "Open kernel modules", "Docker"}, Category: "ubuntu"},
			{ID: "0d4a3f6e-91b2-4c7e-8a55-3e2f1b9c7d04", ImageType: "ubuntu-22.04-cuda-12.4-cluster", Name: "Ubuntu 22.04 cluster", Details: []string{"Ubuntu 22.04", "Slurm"}, Category: "ubuntu", IsCluster: true},
		},
		InstanceTypes: []InstanceType{
			cpu,
			h100,
			gpuType("c01dd00d-0000-4972-ae4e-d429115d0560", "2H100.80S.60V", "H100", "H100 SXM5 80GB", 2, 60, 375, 160, "6.34", "2.54"),
			gpuType("c01dd00d-0000-4972-ae4e-d429115d0561", "8H100.80S.176V", "H100", "H100 SXM5 80GB", 8, 176, 1500, 640, "25.36", "10.14"),
			gpuType("a100a100-0000-4000-8000-000000000001", "1A100.22V", "A100", "A100 SXM4 80GB", 1, 22, 120, 80, "1.29", "0.52"),
			gpuType("a100a100-0000-4000-8000-000000000008", "8A100.176V", "A100", "A100 SXM4 80GB", 8, 176, 960, 640, "10.32", "4.13"),
			gpuType("1405a000-0000-4000-8000-000000000001", "1L40S.20V", "L40S", "L40S 48GB", 1, 20, 60, 48, "1.10", "0.44"),
			gpuType("6000ada0-0000-4000-8000-000000000001", "1RTX6000ADA.10V", "RTX 6000 Ada", "RTX 6000 Ada 48GB", 1, 10, 60, 48, "0.89", "0.36"),
		},
		Availability: map[string][]string{
			"FIN-01": {"CPU.4V.16G", "1H100.80S.22V", "2H100.80S.60V", "1A100.22V"},
			"FIN-02": {"CPU.4V.16G", "8H100.80S.176V", "8A100.176V", "1L40S.20V"},
			"FIN-03": {"CPU.4V.16G", "1H100.80S.22V", "1RTX6000ADA.10V"},
			"ICE-01": {"1A100.22V", "8A100.176V"},
		},
		SpotAvailability: map[string][]string{
			"FIN-01": {"CPU.4V.16G", "1H100.80S.22V"},
			"FIN-03": {"1A100.22V", "1L40S.20V"},
		},
		VolumeTypes: []VolumeType{
			{Type: "NVMe", Price: VolumeTypePrice{PricePerMonthPerGB: 0.2, CPSPerGB: 7.6103500761035e-8, Currency: "usd"}, BurstBandwidth: 2500, ContinuousBandwidth: 2000, InternalNetworkSpeed: 50, IOPS: "100k", ThroughputGbps: 4},
			{Type: "HDD", Price: VolumeTypePrice{PricePerMonthPerGB: 0.05, CPSPerGB: 1.9025875190259e-8, Currency: "usd"}, BurstBandwidth: 2000, ContinuousBandwidth: 250, InternalNetworkSpeed: 50, IOPS: "2k", ThroughputGbps: 0.5},
			{Type: "NVMe_Shared", Price: VolumeTypePrice{PricePerMonthPerGB: 0.25, CPSPerGB: 9.5129375951294e-8, Currency: "usd"}, IsSharedFS: true, BurstBandwidth: 5000, ContinuousBandwidth: 3000, InternalNetworkSpeed: 100, IOPS: "200k", ThroughputGbps: 8},
			{Type: "HDD_Shared", Price: VolumeTypePrice{PricePerMonthPerGB: 0.07, CPSPerGB: 2.6636225266362e-8, Currency: "usd"}, IsSharedFS: true, BurstBandwidth: 2000, ContinuousBandwidth: 500, InternalNetworkSpeed: 50, IOPS: "4k", ThroughputGbps: 1},
		},
		Balance: 1000,
	}
}

func (c *Cloud) snapshot() Catalog {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.catalog
}

func (c *Cloud) listLocations(w http.ResponseWriter, r *http.Request) {
	core.WriteJSON(w, http.StatusOK, c.snapshot().Locations)
}

func (c *Cloud) listImages(w http.ResponseWriter, r *http.Request) {
	var out []Image
	for _, img := range c.snapshot().Images {
		if !img.IsCluster {
			out = append(out, img)
		}
	}
	core.WriteJSON(w, http.StatusOK, out)
}

func (c *Cloud) listInstanceTypes(w http.ResponseWriter, r *http.Request) {
	core.WriteJSON(w, http.StatusOK, c.snapshot().InstanceTypes)
}

func (c *Cloud) listVolumeTypes(w http.ResponseWriter, r *http.Request) {
	core.WriteJSON(w, http.StatusOK, c.snapshot().VolumeTypes)
}

func (c *Cloud) balance(w http.ResponseWriter, r *http.Request) {
	core.WriteJSON(w, http.StatusOK, map[string]any{"amount": c.snapshot().Balance, "currency": "usd"})
}

// LongTermPeriods are the document's long-term rental periods.
var LongTermPeriods = []map[string]any{
	{"code": "1_WEEK", "name": "1 week", "is_enabled": true, "unit_name": "week", "unit_value": 1, "discount_percentage": 5},
	{"code": "1_MONTH", "name": "1 month", "is_enabled": true, "unit_name": "month", "unit_value": 1, "discount_percentage": 9},
	{"code": "3_MONTHS", "name": "3 months", "is_enabled": true, "unit_name": "month", "unit_value": 3, "discount_percentage": 14},
	{"code": "1_YEAR", "name": "1 year", "is_enabled": false, "unit_name": "year", "unit_value": 1, "discount_percentage": 25},
}

func (c *Cloud) listLongTermPeriods(w http.ResponseWriter, _ *http.Request) {
	core.WriteJSON(w, http.StatusOK, LongTermPeriods)
}

func availabilityFor(cat Catalog, r *http.Request) map[string][]string {
	if spot, _ := strconv.ParseBool(r.URL.Query().Get("is_spot")); spot {
		return cat.SpotAvailability
	}
	return cat.Availability
}

func (c *Cloud) listAvailability(w http.ResponseWriter, r *http.Request) {
	avail := availabilityFor(c.snapshot(), r)
	loc := r.URL.Query().Get("location_code")
	type entry struct {
		LocationCode   string   `json:"location_code"`
		Availabilities []string `json:"availabilities"`
	}
	out := []entry{}
	for code, types := range avail {
		if loc == "" || loc == code {
			out = append(out, entry{LocationCode: code, Availabilities: types})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].LocationCode < out[j].LocationCode })
	core.WriteJSON(w, http.StatusOK, out)
}

func (c *Cloud) availability(w http.ResponseWriter, r *http.Request) {
	cat := c.snapshot()
	name := r.PathValue("type")
	if !slices.ContainsFunc(cat.InstanceTypes, func(t InstanceType) bool { return t.InstanceType == name }) {
		failf(w, http.StatusNotFound, "Instance type %s not found", name)
		return
	}
	avail := availabilityFor(cat, r)
	loc := r.URL.Query().Get("location_code")
	found := false
	for code, types := range avail {
		if (loc == "" || loc == code) && slices.Contains(types, name) {
			found = true
		}
	}
	if c.switches.Get().AvailabilityAsStrings {
		core.WriteJSON(w, http.StatusOK, strconv.FormatBool(found))
		return
	}
	core.WriteJSON(w, http.StatusOK, found)
}
