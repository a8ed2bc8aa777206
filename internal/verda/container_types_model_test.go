package verda

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestContainerTypesFromAPI(t *testing.T) {
	got := containerTypesFromAPI([]api.ContainerType{
		{ID: "h", Model: "H100", InstanceType: "1H100.80S.22V", GPU: api.Hardware{NumberOfGPUs: 1}, GPUMemory: api.Hardware{SizeInGigabytes: 80}, Currency: "EUR", ServerlessPrice: 2.5, ServerlessSpotPrice: 1.1},
		{ID: "a", Model: "A100", ServerlessPrice: 1.5},
	})
	if len(got) != 2 || got[0].ID != "a" || got[1].GPUMemoryGB != 80 || got[1].Currency != "eur" || got[1].ServerlessSpotPrice != 1.1 {
		t.Errorf("cheapest first, fields carried: %+v", got)
	}
	if containerTypesFromAPI(nil) == nil {
		t.Error("no types must be an empty list, not null")
	}
}

func TestContainerTypesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewContainerTypesDataSource(), &containerTypesModel{})
}
