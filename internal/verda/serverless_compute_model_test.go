package verda

import (
	"reflect"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestComputeFromAPI(t *testing.T) {
	all := []api.ComputeResource{{Name: "H100", Size: 4}, {Name: "H100", Size: 1, IsAvailable: true}, {Name: "A100", Size: 1, IsAvailable: true}}
	want := []computeData{{Name: "A100", Size: 1, IsAvailable: true}, {Name: "H100", Size: 1, IsAvailable: true}, {Name: "H100", Size: 4}}
	if got := computeFromAPI(all, false); !reflect.DeepEqual(got, want) {
		t.Errorf("by name then size: %+v", got)
	}
	if got := computeFromAPI(all, true); len(got) != 2 {
		t.Errorf("available only: %+v", got)
	}
	if computeFromAPI(nil, false) == nil {
		t.Error("none must be an empty list, not null")
	}
}

func TestServerlessComputeParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewServerlessComputeDataSource(), &serverlessComputeModel{})
}
