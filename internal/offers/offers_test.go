package offers

import (
	"strings"
	"testing"

	nova "github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
)

func TestSelectSortsWholeListWithStableTies(t *testing.T) {
	all := []Offer{
		{Cloud: "verda", GPUModel: "H100-80GB", GPUCount: 1, GPUMemoryGB: 80, PricePerHour: 2, Location: "FIN-01"},
		{Cloud: "nova", GPUModel: "RTX4090-24GB", GPUCount: 1, GPUMemoryGB: 24, PricePerHour: 0.39, Location: "Ashburn, US", Country: "US"},
		{Cloud: "bluelobster", GPUModel: "H100-80GB", GPUCount: 1, GPUMemoryGB: 80, PricePerHour: 2, Location: "phl", Country: "US"},
		{Cloud: "nova", GPUModel: "RTX4090-24GB", GPUCount: 1, GPUMemoryGB: 24, PricePerHour: 0.2, Spot: true},
		{Cloud: "tensordock", GPUModel: "H100-80GB", GPUCount: 2, GPUMemoryGB: 80, PricePerHour: 4.1, Country: "FI"},
	}
	got := Select(all, Filter{})
	order := ""
	for _, o := range got {
		order += o.Cloud + " "
	}
	if order != "nova bluelobster verda tensordock " {
		t.Fatalf("order %q: spot excluded, price first, ties by cloud", order)
	}
	max := 2.0
	if n := len(Select(all, Filter{GPUModels: []string{"h100-80gb"}, MaxPrice: &max})); n != 2 {
		t.Fatalf("model and price filter: %d", n)
	}
	if n := len(Select(all, Filter{MinGPUCount: 2})); n != 1 {
		t.Fatalf("count filter: %d", n)
	}
	if n := len(Select(all, Filter{Countries: []string{"us"}, SpotAllowed: true})); n != 2 {
		t.Fatalf("country filter: %d", n)
	}
	if n := len(Select(all, Filter{MinGPUMemoryGB: 48, SpotAllowed: true})); n != 3 {
		t.Fatalf("memory filter: %d", n)
	}
}

func TestFromNovaSkipsUnavailableAndAddsSpot(t *testing.T) {
	got := FromNova([]nova.Offer{
		{GPUType: "5090", GPUCount: 2, GPURAMMB: 32768, GPUPriceHourly: 0.69, InterruptibleRate: 0.35, Available: true, Location: "Ashburn, US", Node: "vm01"},
		{GPUType: "4090", GPUCount: 8, GPUPriceHourly: 0.39, Available: false},
	})
	if len(got) != 2 || got[0].PricePerHour != 1.38 || got[1].PricePerHour != 0.7 || !got[1].Spot || got[0].GPUModel != "RTX5090-32GB" || got[0].Launch.NovaNode != "vm01" {
		t.Fatalf("%+v", got)
	}
}

func TestInCurrencyConvertsOrLeavesOut(t *testing.T) {
	all := []Offer{
		{Cloud: CloudVerda, PricePerHour: 2, Currency: "EUR"},
		{Cloud: CloudNova, PricePerHour: 2.1, Currency: "USD"},
		{Cloud: CloudTensorDock, PricePerHour: 1, Currency: "GBP"},
	}
	got, dropped := InCurrency(all, "usd", map[string]float64{"EUR": 1.1})
	if len(got) != 2 || dropped["GBP"] != 1 {
		t.Fatalf("an offer with no rate is left out and counted: %+v %v", got, dropped)
	}
	if got[0].PricePerHour != 2.2 || got[0].Currency != "USD" || got[0].CloudPricePerHour != 2 || got[0].CloudCurrency != "EUR" {
		t.Errorf("converted: %+v", got[0])
	}
	if got[1].PricePerHour != 2.1 || got[1].CloudCurrency != "USD" {
		t.Errorf("an offer in the currency asked for stays: %+v", got[1])
	}
	if sorted := Select(got, Filter{}); sorted[0].Cloud != CloudNova {
		t.Errorf("converted prices are what is ranked: %+v", sorted)
	}
	if _, dropped := InCurrency(all, "USD", nil); dropped["EUR"] != 1 || dropped["GBP"] != 1 {
		t.Errorf("without rates only the currency asked for counts: %v", dropped)
	}
}

func TestCheapestSkipsWhatCannotBeLaunched(t *testing.T) {
	sorted := []Offer{{Cloud: CloudNova, PricePerHour: 1, NotLaunchable: "no node"}, {Cloud: CloudVerda, PricePerHour: 2}}
	if o, ok := Cheapest(sorted); !ok || o.Cloud != CloudVerda {
		t.Fatalf("%+v %v", o, ok)
	}
	if _, ok := Cheapest(sorted[:1]); ok {
		t.Fatal("nothing launchable, no cheapest")
	}
	nova := FromNova([]nova.Offer{{GPUType: "5090", GPUCount: 1, GPUPriceHourly: 0.69, Available: true, Location: "Ashburn, US"}})
	if nova[0].NotLaunchable == "" || !strings.Contains(nova[0].NotLaunchable, "node") {
		t.Errorf("an offer without its node says why it cannot be launched: %+v", nova[0])
	}
}
