package offers

import (
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
