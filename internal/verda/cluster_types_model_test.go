package verda

import (
	"reflect"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestClusterTypesFromAPI(t *testing.T) {
	got := clusterTypesFromAPI(
		[]api.ClusterType{{ClusterType: "32B200", PricePerHour: 150, Currency: "EUR"}, {ClusterType: "16H200", PricePerHour: 59, GPU: api.Hardware{NumberOfGPUs: 16}}},
		[]api.ClusterAvailability{{LocationCode: "FIN-03", Availabilities: []string{"16H200", "32B200"}}, {LocationCode: "FIN-01", Availabilities: []string{"16H200"}}})
	if len(got) != 2 || got[0].ClusterType != "16H200" || got[0].GPUCount != 16 || !reflect.DeepEqual(got[0].AvailableLocations, []string{"FIN-01", "FIN-03"}) ||
		got[1].Currency != "eur" || !reflect.DeepEqual(got[1].AvailableLocations, []string{"FIN-03"}) {
		t.Errorf("%+v", got)
	}
	if clusterTypesFromAPI(nil, nil) == nil {
		t.Error("none must be an empty list, not null")
	}
}

func TestClusterTypesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewClusterTypesDataSource(), &clusterTypesModel{})
}
