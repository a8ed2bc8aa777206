package offers

import (
	"cmp"
	"slices"
	"strings"

	bluelobster "github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	nova "github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	tensordock "github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
	verda "github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// Clouds in the order offers with equal prices are listed.
const (
	CloudVerda       = "verda"
	CloudTensorDock  = "tensordock"
	CloudBlueLobster = "bluelobster"
	CloudNova        = "nova"
)

// Offer is one way to rent GPUs now, with what the cloud's instance resource
// needs to launch it.
type Offer struct {
	Cloud, GPUModel, CloudGPUName string
	GPUCount                      int64
	GPUMemoryGB, VCPUs, MemoryGB  float64
	Location, Country             string
	PricePerHour                  float64
	Currency                      string
	// CloudPricePerHour and CloudCurrency are the cloud's own price, which
	// PricePerHour converts when the search asks for another currency.
	CloudPricePerHour float64
	CloudCurrency     string
	Spot              bool
	Launch            Launch
	// NotLaunchable says why the cloud's instance resource cannot launch
	// the offer as it stands; empty when it can.
	NotLaunchable string
}

// Launch holds the arguments of the cloud's instance resource.
type Launch struct {
	VerdaInstanceType, VerdaLocationCode       string
	TensorDockHostnodeID, TensorDockGPUModel   string
	TensorDockVCPUCount, TensorDockRAMGB       int64
	BlueLobsterInstanceType, BlueLobsterRegion string
	NovaNode, NovaGPUType                      string
	NovaGPUCount                               int64
}

func (l Launch) key() string {
	return strings.Join([]string{l.VerdaInstanceType, l.VerdaLocationCode, l.TensorDockHostnodeID, l.TensorDockGPUModel,
		l.BlueLobsterInstanceType, l.BlueLobsterRegion, l.NovaNode, l.NovaGPUType}, "|")
}

// TensorDock machines are sized per GPU: TensorDock prices vCPUs, RAM and
// disk separately, and an offer's price includes this much of each.
const (
	tensorDockVCPUPerGPU  = 8
	tensorDockRAMGBPerGPU = 32
	tensorDockStorageGB   = 200
)

// FromVerda turns instance types and where they can be deployed into offers.
func FromVerda(types []verda.InstanceType, locations []verda.Location, onDemand, spot []verda.LocationAvailability) []Offer {
	country := map[string]string{}
	for _, l := range locations {
		country[l.Code] = l.CountryCode
	}
	byName := map[string]verda.InstanceType{}
	for _, t := range types {
		byName[t.InstanceType] = t
	}
	var out []Offer
	add := func(avail []verda.LocationAvailability, isSpot bool) {
		for _, la := range avail {
			for _, name := range la.Availabilities {
				t, ok := byName[name]
				if !ok || t.GPU.NumberOfGPUs == 0 {
					continue
				}
				price := float64(t.PricePerHour)
				if isSpot {
					price = float64(t.SpotPrice)
				}
				if price <= 0 {
					continue
				}
				model, perGPU := Canonical(t.Name)
				if t.GPUMemory.SizeInGigabytes > 0 {
					perGPU = float64(t.GPUMemory.SizeInGigabytes) / float64(t.GPU.NumberOfGPUs)
				}
				out = append(out, Offer{
					Cloud: CloudVerda, GPUModel: model, CloudGPUName: t.Name, GPUCount: t.GPU.NumberOfGPUs, GPUMemoryGB: perGPU,
					VCPUs: float64(t.CPU.NumberOfCores), MemoryGB: float64(t.Memory.SizeInGigabytes), Location: la.LocationCode,
					Country: country[la.LocationCode], PricePerHour: price, Currency: strings.ToUpper(cmp.Or(t.Currency, "usd")), Spot: isSpot,
					Launch: Launch{VerdaInstanceType: t.InstanceType, VerdaLocationCode: la.LocationCode},
				})
			}
		}
	}
	add(onDemand, false)
	add(spot, true)
	return out
}

// FromTensorDock offers each hostnode's free GPUs in counts of 1, 2, 4 and 8.
func FromTensorDock(nodes []tensordock.Hostnode) []Offer {
	var out []Offer
	for _, n := range nodes {
		free := n.AvailableResources
		for _, g := range free.GPUs {
			model, perGPU := Canonical(g.V0Name)
			for _, count := range []int64{1, 2, 4, 8} {
				vcpu, ram := count*tensorDockVCPUPerGPU, count*tensorDockRAMGBPerGPU
				if count > g.AvailableCount || vcpu > free.VCPUCount || ram > free.RAMGB || tensorDockStorageGB > free.StorageGB {
					continue
				}
				price := float64(count)*float64(g.PricePerHr) + float64(vcpu)*float64(n.Pricing.PerVCPUHr) +
					float64(ram)*float64(n.Pricing.PerGBRAMHr) + tensorDockStorageGB*float64(n.Pricing.PerGBStorageHr)
				out = append(out, Offer{
					Cloud: CloudTensorDock, GPUModel: model, CloudGPUName: g.V0Name, GPUCount: count, GPUMemoryGB: perGPU,
					VCPUs: float64(vcpu), MemoryGB: float64(ram), Location: n.Location.City, Country: CountryCode(n.Location.Country),
					PricePerHour: round(price), Currency: "USD",
					Launch: Launch{TensorDockHostnodeID: n.ID, TensorDockGPUModel: g.V0Name, TensorDockVCPUCount: vcpu, TensorDockRAMGB: ram},
				})
			}
		}
	}
	return out
}

// blueLobsterCountry: both regions Blue Lobster is seen in are in the US [inferred].
const blueLobsterCountry = "US"

// FromBlueLobster offers each GPU instance type in each region with room now.
func FromBlueLobster(types []bluelobster.InstanceType) []Offer {
	var out []Offer
	for _, t := range types {
		if t.GPUs == 0 {
			continue
		}
		model, perGPU := Canonical(t.GPUModel)
		for _, region := range t.Regions {
			out = append(out, Offer{
				Cloud: CloudBlueLobster, GPUModel: model, CloudGPUName: t.GPUModel, GPUCount: t.GPUs, GPUMemoryGB: perGPU,
				VCPUs: float64(t.VCPUs), MemoryGB: float64(t.MemoryGiB), Location: region, Country: blueLobsterCountry,
				PricePerHour: round(t.PriceCentsPerHour / 100), Currency: "USD",
				Launch: Launch{BlueLobsterInstanceType: t.Name, BlueLobsterRegion: region},
			})
		}
	}
	return out
}

// FromNova offers what Nova's search says is available; interruptible rates
// count as spot.
func FromNova(offers []nova.Offer) []Offer {
	var out []Offer
	for _, o := range offers {
		if !bool(o.Available) {
			continue
		}
		model, perGPU := Canonical(o.GPUType)
		if o.GPURAMMB > 0 {
			perGPU = float64(o.GPURAMMB) / 1024
		}
		base := Offer{
			Cloud: CloudNova, GPUModel: model, CloudGPUName: o.GPUType, GPUCount: o.GPUCount, GPUMemoryGB: perGPU,
			Location: o.Location, Country: CountryCode(o.Location), Currency: "USD",
			Launch: Launch{NovaNode: o.Node, NovaGPUType: o.GPUType, NovaGPUCount: o.GPUCount},
		}
		if o.Node == "" {
			base.NotLaunchable = "Nova's search does not say which node the GPUs are on, and gpucloud_nova_instance needs a node"
		}
		onDemand := base
		onDemand.PricePerHour = round(float64(o.GPUPriceHourly) * float64(o.GPUCount))
		out = append(out, onDemand)
		if o.InterruptibleRate > 0 {
			spot := base
			spot.Spot, spot.PricePerHour = true, round(float64(o.InterruptibleRate)*float64(o.GPUCount))
			out = append(out, spot)
		}
	}
	return out
}

func round(p float64) float64 { return float64(int64(p*10000+0.5)) / 10000 }

// Filter is what the user asks for; zero values ask nothing.
type Filter struct {
	GPUModels      []string
	MinGPUCount    int64
	MinGPUMemoryGB float64
	MaxPrice       *float64
	Countries      []string
	SpotAllowed    bool
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(v string) bool { return strings.EqualFold(v, s) })
}

// Select filters offers and sorts them by price over the whole list, ties
// broken by cloud, model, location and launch arguments so the order is stable.
func Select(all []Offer, f Filter) []Offer {
	out := []Offer{}
	for _, o := range all {
		switch {
		case len(f.GPUModels) > 0 && !containsFold(f.GPUModels, o.GPUModel),
			o.GPUCount < f.MinGPUCount,
			o.GPUMemoryGB < f.MinGPUMemoryGB,
			f.MaxPrice != nil && o.PricePerHour > *f.MaxPrice,
			len(f.Countries) > 0 && !containsFold(f.Countries, o.Country),
			o.Spot && !f.SpotAllowed:
			continue
		}
		out = append(out, o)
	}
	slices.SortStableFunc(out, func(a, b Offer) int {
		return cmp.Or(cmp.Compare(a.PricePerHour, b.PricePerHour), cmp.Compare(a.Cloud, b.Cloud),
			cmp.Compare(a.GPUModel, b.GPUModel), cmp.Compare(a.Location, b.Location), cmp.Compare(a.Launch.key(), b.Launch.key()))
	})
	return out
}

// InCurrency prices offers in currency: those priced in another currency
// are converted at rates (how much of currency one unit of theirs buys);
// those with no rate are left out, counted by their currency in dropped.
// Offers in two currencies are never ranked against each other unconverted.
func InCurrency(all []Offer, currency string, rates map[string]float64) (out []Offer, dropped map[string]int) {
	dropped = map[string]int{}
	for _, o := range all {
		o.CloudPricePerHour, o.CloudCurrency = o.PricePerHour, o.Currency
		if !strings.EqualFold(o.Currency, currency) {
			rate, ok := rates[strings.ToUpper(o.Currency)]
			if !ok {
				dropped[strings.ToUpper(o.Currency)]++
				continue
			}
			o.PricePerHour, o.Currency = round(o.PricePerHour*rate), strings.ToUpper(currency)
		}
		out = append(out, o)
	}
	return out, dropped
}

// Cheapest is the first offer that can be launched as it stands.
func Cheapest(sorted []Offer) (Offer, bool) {
	for _, o := range sorted {
		if o.NotLaunchable == "" {
			return o, true
		}
	}
	return Offer{}, false
}
