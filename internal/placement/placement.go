// Package placement is gpucloud_gpu_instance: one GPU machine on whichever
// of the user's clouds offers it cheapest when it is created, trying the
// next offer when a cloud has no capacity, and staying where it landed
// while the configuration still allows it. It launches through each
// cloud's machine.Cloud, the code the cloud's own instance resource uses.
package placement

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/machine"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/offers"
)

// Clouds a machine can be placed on: those whose offers state prices.
// novitai's API states none, so it cannot be ranked or bounded by price.
var Clouds = []string{offers.CloudVerda, offers.CloudTensorDock, offers.CloudBlueLobster, offers.CloudNova}

// OSes are the operating systems image takes, each mapped to an image per cloud.
var OSes = []string{"ubuntu-22.04", "ubuntu-24.04"}

// Wishes are what the configuration asks of the machine's placement.
type Wishes struct {
	GPUModels []string
	GPUCount  int64
	// MaxPrice bounds the price per hour in Currency; nil sets no bound.
	MaxPrice *float64
	Currency string
	// Rates convert other currencies into Currency.
	Rates map[string]float64
	// Clouds allowed, all when empty; with PreferOrder, in order of preference.
	Clouds      []string
	PreferOrder bool
	Countries   []string
	Locations   []string
	Spot        bool
}

func allowed(list []string, s string) bool {
	return len(list) == 0 || slices.ContainsFunc(list, func(v string) bool { return strings.EqualFold(v, s) })
}

// Candidates are the offers a create tries, in order: exactly GPUCount
// GPUs of an allowed model, on an allowed and configured cloud, in an
// allowed location, within the price bound, launchable as they stand;
// cheapest first, or by the order of Clouds first when PreferOrder.
func Candidates(all []offers.Offer, w Wishes, configured func(cloud string) bool) []offers.Offer {
	priced, _ := offers.InCurrency(all, w.Currency, w.Rates)
	selected := offers.Select(priced, offers.Filter{GPUModels: w.GPUModels, MinGPUCount: w.GPUCount, MaxPrice: w.MaxPrice,
		Countries: w.Countries, SpotAllowed: w.Spot})
	var out []offers.Offer
	for _, o := range selected {
		if o.GPUCount == w.GPUCount && o.NotLaunchable == "" && allowed(w.Clouds, o.Cloud) && allowed(w.Locations, o.Location) &&
			slices.Contains(Clouds, o.Cloud) && configured(o.Cloud) {
			out = append(out, o)
		}
	}
	if w.PreferOrder && len(w.Clouds) > 0 {
		rank := func(cloud string) int { return slices.Index(w.Clouds, cloud) }
		slices.SortStableFunc(out, func(a, b offers.Offer) int { return cmp.Compare(rank(a.Cloud), rank(b.Cloud)) })
	}
	return out
}

// Spec is what launching offer o asks of its cloud.
func Spec(o offers.Offer, name, image, sshPublicKey string, diskGB int64) machine.Spec {
	l := o.Launch
	s := machine.Spec{Name: name, Image: image, SSHPublicKey: sshPublicKey, DiskGB: diskGB, Spot: o.Spot, GPUCount: o.GPUCount}
	switch o.Cloud {
	case offers.CloudVerda:
		s.InstanceType, s.Location = l.VerdaInstanceType, l.VerdaLocationCode
	case offers.CloudTensorDock:
		s.InstanceType, s.Location, s.GPUModel = l.TensorDockGPUModel, l.TensorDockHostnodeID, l.TensorDockGPUModel
		s.VCPUs, s.MemoryGB = l.TensorDockVCPUCount, l.TensorDockRAMGB
	case offers.CloudBlueLobster:
		s.InstanceType, s.Location = l.BlueLobsterInstanceType, l.BlueLobsterRegion
	case offers.CloudNova:
		s.InstanceType, s.Location, s.GPUModel, s.GPUCount = l.NovaGPUType, l.NovaNode, l.NovaGPUType, l.NovaGPUCount
	}
	return s
}

// Placed is where a machine runs, as its state records it.
type Placed struct {
	Cloud, GPUModel, Location, Country string
	Spot                               bool
	PricePerHour                       float64
	Currency                           string
}

// Unmet says, per argument, what of w a machine placed at p no longer
// meets; it is replaced for any of them. Prices that move after the
// launch never count: only a price bound the configuration lowers below
// the price the machine was launched at.
func Unmet(p Placed, w Wishes, boundChanged bool) map[string]string {
	out := map[string]string{}
	if !allowed(w.Clouds, p.Cloud) {
		out["clouds"] = fmt.Sprintf("it runs on %s, which clouds no longer lists", p.Cloud)
	}
	if p.GPUModel != "" && !allowed(w.GPUModels, p.GPUModel) {
		out["gpu_models"] = fmt.Sprintf("its GPU is %s, which gpu_models no longer lists", p.GPUModel)
	}
	if p.Location != "" && !allowed(w.Locations, p.Location) {
		out["locations"] = fmt.Sprintf("it runs in %s, which locations no longer lists", p.Location)
	}
	if p.Country != "" && !allowed(w.Countries, p.Country) {
		out["countries"] = fmt.Sprintf("it runs in %s, which countries no longer lists", p.Country)
	}
	if p.Spot && !w.Spot {
		out["spot"] = "it is a spot machine, and spot is now false"
	}
	if boundChanged && w.MaxPrice != nil && strings.EqualFold(p.Currency, w.Currency) && p.PricePerHour > *w.MaxPrice {
		out["max_price_per_hour"] = fmt.Sprintf("it was launched at %g %s per hour, above max_price_per_hour (%g)", p.PricePerHour, p.Currency, *w.MaxPrice)
	}
	return out
}

// SSHCommand is how to log in to m, or "" before it has an address.
func SSHCommand(m *machine.Machine) string {
	if m == nil || m.IP == "" || m.SSHUser == "" {
		return ""
	}
	if m.SSHPort != 0 && m.SSHPort != 22 {
		return fmt.Sprintf("ssh -p %d %s@%s", m.SSHPort, m.SSHUser, m.IP)
	}
	return fmt.Sprintf("ssh %s@%s", m.SSHUser, m.IP)
}
