package placement

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/machine"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/offers"
)

func offer(cloud, model string, count int64, price float64, location string) offers.Offer {
	return offers.Offer{Cloud: cloud, GPUModel: model, GPUCount: count, PricePerHour: price, Currency: "USD", Location: location, Country: "US"}
}

func clouds(o []offers.Offer) []string {
	var out []string
	for _, x := range o {
		out = append(out, x.Cloud)
	}
	return out
}

func TestCandidatesAreCheapestFirstOfExactlyTheCount(t *testing.T) {
	all := []offers.Offer{
		offer("verda", "H100-80GB", 1, 3.17, "FIN-01"),
		offer("tensordock", "H100-80GB", 1, 2.09, "Helsinki"),
		offer("tensordock", "H100-80GB", 2, 4.10, "Helsinki"),
		offer("bluelobster", "H100-80GB", 1, 2.49, "phl"),
		offer("nova", "RTX4090-24GB", 1, 0.39, "Ashburn, US"),
		{Cloud: "nova", GPUModel: "H100-80GB", GPUCount: 1, PricePerHour: 0.1, Currency: "USD", NotLaunchable: "no node"},
		{Cloud: "bluelobster", GPUModel: "H100-80GB", GPUCount: 1, PricePerHour: 0.2, Currency: "USD", Spot: true},
		{Cloud: "verda", GPUModel: "H100-80GB", GPUCount: 1, PricePerHour: 0.5, Currency: "EUR"},
	}
	everywhere := func(string) bool { return true }
	got := Candidates(all, Wishes{GPUModels: []string{"H100-80GB"}, GPUCount: 1, Currency: "USD"}, everywhere)
	if want := []string{"tensordock", "bluelobster", "verda"}; !equal(clouds(got), want) {
		t.Errorf("on-demand, launchable, in USD, exactly 1 GPU: %v, want %v", clouds(got), want)
	}
	got = Candidates(all, Wishes{GPUModels: []string{"H100-80GB"}, GPUCount: 1, Currency: "USD", Spot: true, Rates: map[string]float64{"EUR": 1.1}}, everywhere)
	if want := []string{"bluelobster", "verda", "tensordock", "bluelobster", "verda"}; !equal(clouds(got), want) {
		t.Errorf("with spot and a EUR rate: %v, want %v", clouds(got), want)
	}
	max := 3.0
	got = Candidates(all, Wishes{GPUModels: []string{"H100-80GB"}, GPUCount: 1, Currency: "USD", MaxPrice: &max,
		Clouds: []string{"verda", "bluelobster"}}, everywhere)
	if want := []string{"bluelobster"}; !equal(clouds(got), want) {
		t.Errorf("clouds and a bound: %v, want %v", clouds(got), want)
	}
	got = Candidates(all, Wishes{GPUModels: []string{"H100-80GB"}, GPUCount: 1, Currency: "USD", Clouds: []string{"verda", "tensordock"}, PreferOrder: true}, everywhere)
	if want := []string{"verda", "tensordock"}; !equal(clouds(got), want) {
		t.Errorf("in the order of clouds: %v, want %v", clouds(got), want)
	}
	got = Candidates(all, Wishes{GPUModels: []string{"H100-80GB"}, GPUCount: 1, Currency: "USD", Locations: []string{"phl", "FIN-01"}},
		func(c string) bool { return c != "verda" })
	if want := []string{"bluelobster"}; !equal(clouds(got), want) {
		t.Errorf("locations, Verda not configured: %v, want %v", clouds(got), want)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestUnmetNamesWhatNoLongerHolds(t *testing.T) {
	p := Placed{Cloud: "tensordock", GPUModel: "H100-80GB", Location: "Helsinki", Country: "FI", PricePerHour: 2.09, Currency: "USD"}
	base := Wishes{GPUModels: []string{"H100-80GB"}, GPUCount: 1, Currency: "USD"}
	if got := Unmet(p, base, false); len(got) != 0 {
		t.Errorf("met: %v", got)
	}
	wider := base
	wider.Clouds, wider.GPUModels = []string{"verda", "tensordock"}, []string{"A100-80GB", "H100-80GB"}
	if got := Unmet(p, wider, false); len(got) != 0 {
		t.Errorf("a wider configuration is met: %v", got)
	}
	lower := 2.0
	cases := map[string]func(*Wishes) bool{
		"clouds":             func(w *Wishes) bool { w.Clouds = []string{"verda"}; return false },
		"gpu_models":         func(w *Wishes) bool { w.GPUModels = []string{"A100-80GB"}; return false },
		"locations":          func(w *Wishes) bool { w.Locations = []string{"New York"}; return false },
		"countries":          func(w *Wishes) bool { w.Countries = []string{"US"}; return false },
		"max_price_per_hour": func(w *Wishes) bool { w.MaxPrice = &lower; return true },
	}
	for attribute, change := range cases {
		w := base
		boundChanged := change(&w)
		if got := Unmet(p, w, boundChanged); len(got) != 1 || got[attribute] == "" {
			t.Errorf("%s: %v", attribute, got)
		}
	}
	// A bound below the price counts only when the configuration lowered it.
	w := base
	w.MaxPrice = &lower
	if got := Unmet(p, w, false); len(got) != 0 {
		t.Errorf("an unchanged bound: %v", got)
	}
	spot := p
	spot.Spot = true
	if got := Unmet(spot, base, false); got["spot"] == "" {
		t.Errorf("a spot machine with spot false: %v", got)
	}
}

func TestSSHCommand(t *testing.T) {
	cases := []struct {
		m    *machine.Machine
		want string
	}{
		{&machine.Machine{IP: "203.0.113.7", SSHUser: "root", SSHPort: 22}, "ssh root@203.0.113.7"},
		{&machine.Machine{IP: "198.51.100.2", SSHUser: "user", SSHPort: 20001}, "ssh -p 20001 user@198.51.100.2"},
		{&machine.Machine{SSHUser: "root"}, ""},
		{nil, ""},
	}
	for _, c := range cases {
		if got := SSHCommand(c.m); got != c.want {
			t.Errorf("%+v: %q, want %q", c.m, got, c.want)
		}
	}
}

func TestSpecCarriesEachCloudsLaunchArguments(t *testing.T) {
	o := offers.Offer{Cloud: "tensordock", GPUCount: 2, Launch: offers.Launch{TensorDockHostnodeID: "node", TensorDockGPUModel: "h100-sxm5-80gb",
		TensorDockVCPUCount: 16, TensorDockRAMGB: 64}}
	s := Spec(o, "trainer", "ubuntu2204", "ssh-ed25519 AAAA", 0)
	if s.Location != "node" || s.GPUModel != "h100-sxm5-80gb" || s.GPUCount != 2 || s.VCPUs != 16 || s.MemoryGB != 64 || s.Name != "trainer" {
		t.Errorf("tensordock: %+v", s)
	}
	o = offers.Offer{Cloud: "nova", GPUCount: 1, Spot: true, Launch: offers.Launch{NovaNode: "vm02", NovaGPUType: "4090", NovaGPUCount: 1}}
	if s := Spec(o, "n", "100", "k", 150); s.Location != "vm02" || s.GPUModel != "4090" || !s.Spot || s.DiskGB != 150 || s.InstanceType != "4090" {
		t.Errorf("nova: %+v", s)
	}
	o = offers.Offer{Cloud: "verda", Launch: offers.Launch{VerdaInstanceType: "1H100.80S.22V", VerdaLocationCode: "FIN-01"}}
	if s := Spec(o, "v", "ubuntu-22.04", "k", 0); s.InstanceType != "1H100.80S.22V" || s.Location != "FIN-01" {
		t.Errorf("verda: %+v", s)
	}
	o = offers.Offer{Cloud: "bluelobster", Launch: offers.Launch{BlueLobsterInstanceType: "gpu_1x_h100", BlueLobsterRegion: "phl"}}
	if s := Spec(o, "b", "UBUNTU-22-04-NV", "k", 0); s.InstanceType != "gpu_1x_h100" || s.Location != "phl" {
		t.Errorf("bluelobster: %+v", s)
	}
}
