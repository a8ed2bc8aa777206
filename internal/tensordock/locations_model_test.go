package tensordock

import (
	"reflect"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

func TestLocationsFromAPI(t *testing.T) {
	got := locationsFromAPI([]api.Location{
		{ID: "fi", City: "Helsinki", Country: "Finland", Tier: 3, GPUs: []api.LocationGPU{{V0Name: "h100-sxm5-80gb", MaxCount: 8, PricePerHr: 2.05,
			Pricing:         map[string]any{"per_vcpu_hr": 0.0015, "note": "text is left out"},
			NetworkFeatures: map[string]any{"dedicated_ip_available": true, "speed": 10.0}}}},
		{ID: "de", City: "Frankfurt"},
	})
	want := locationGPUModel{V0Name: "h100-sxm5-80gb", MaxCount: 8, PricePerHour: 2.05,
		Pricing: map[string]float64{"per_vcpu_hr": 0.0015}, NetworkFeatures: map[string]bool{"dedicated_ip_available": true}}
	if len(got) != 2 || !reflect.DeepEqual(got[0].GPUs[0], want) || got[0].Tier != 3 {
		t.Errorf("%+v", got)
	}
	if got[1].GPUs == nil {
		t.Error("a location without GPUs has an empty list, not null")
	}
	if none := locationsFromAPI(nil); none == nil {
		t.Error("no locations is an empty list, not null")
	}
}

func TestLocationsParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewLocationsDataSource(), &locationsModel{})
}
