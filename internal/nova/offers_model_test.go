package nova

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
)

func TestOffersFromAPI(t *testing.T) {
	offers := []api.Offer{
		{GPUType: "5090", GPUCount: 2, GPURAMMB: 32768, GPUPriceHourly: 0.69, InterruptibleRate: 0.35, Available: true, Location: "Ashburn, US"},
		{GPUType: "4090", GPUCount: 1, GPURAMMB: 24576, GPUPriceHourly: 0.39, InterruptibleRate: 0.2, Available: false},
	}
	all := offersFromAPI(offers, offersModel{})
	if len(all) != 2 || all[0].GPUType != "4090" {
		t.Fatalf("cheapest first: %+v", all)
	}
	if all[1] != (offerModel{GPUType: "5090", GPUCount: 2, GPUMemoryGB: 32, GPUPricePerHour: 0.69, InterruptibleRate: 0.35,
		PricePerHour: 1.38, Available: true, Location: "Ashburn, US"}) {
		t.Errorf("%+v", all[1])
	}
	if spot := offersFromAPI(offers, offersModel{Interruptible: types.BoolValue(true)}); spot[1].PricePerHour != 0.7 {
		t.Errorf("interruptible prices: %+v", spot)
	}
	for name, f := range map[string]offersModel{
		"type":      {GPUType: types.StringValue("5090")},
		"count":     {MinGPUCount: types.Int64Value(2)},
		"available": {AvailableOnly: types.BoolValue(true)},
	} {
		if got := offersFromAPI(offers, f); len(got) != 1 || got[0].GPUType != "5090" {
			t.Errorf("%s: %+v", name, got)
		}
	}
	if got := offersFromAPI(offers, offersModel{MaxPricePerHour: types.Float64Value(0.5)}); len(got) != 1 || got[0].GPUType != "4090" {
		t.Errorf("price: %+v", got)
	}
}

func TestOffersParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewOffersDataSource(), &offersModel{})
}
