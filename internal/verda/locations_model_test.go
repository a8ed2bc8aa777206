package verda

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestLocationsFromAPI(t *testing.T) {
	locs := locationsFromAPI([]api.Location{{Code: "FIN-01", Name: "Finland 1", CountryCode: "FI"}, {Code: "ICE-01", CountryCode: "IS"}}, "fi")
	if len(locs) != 1 || locs[0] != (locationModel{Code: "FIN-01", Name: "Finland 1", CountryCode: "FI"}) {
		t.Fatalf("locations %+v", locs)
	}
	if got := locationsFromAPI(nil, ""); got == nil || len(got) != 0 {
		t.Fatal("no locations must be an empty list, not null")
	}
}

func TestLocationsParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewLocationsDataSource(), &locationsModel{})
}
