package tensordock

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

func TestLocationsFromAPI(t *testing.T) {
	got := locationsFromAPI([]api.Location{
		{ID: "fi", City: "Helsinki", Country: "Finland", Tier: 3, GPUs: []api.LocationGPU{{V0Name: "h100-sxm5-80gb", MaxCount: 8, PricePerHr: 2.05}}},
		{ID: "de", City: "Frankfurt"},
	})
	if len(got) != 2 || got[0].GPUs[0] != (locationGPUModel{V0Name: "h100-sxm5-80gb", MaxCount: 8, PricePerHour: 2.05}) || got[0].Tier != 3 {
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
