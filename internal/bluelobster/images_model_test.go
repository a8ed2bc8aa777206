package bluelobster

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
)

func TestImagesFromAPI(t *testing.T) {
	templates := []api.Template{{Name: "UBUNTU-22-04", VMID: 100}, {Name: "UBUNTU-22-04-NV", VMID: 101, HasNvidia: true}}
	if got := imagesFromAPI(templates, types.BoolNull()); len(got) != 2 {
		t.Errorf("no filter: %+v", got)
	}
	if got := imagesFromAPI(templates, types.BoolValue(true)); len(got) != 1 || got[0] != (imageModel{Name: "UBUNTU-22-04-NV", VMID: 101, HasNvidia: true}) {
		t.Errorf("with NVIDIA: %+v", got)
	}
	if got := imagesFromAPI(templates, types.BoolValue(false)); len(got) != 1 || got[0].Name != "UBUNTU-22-04" {
		t.Errorf("without NVIDIA: %+v", got)
	}
	if got := imagesFromAPI(nil, types.BoolNull()); got == nil {
		t.Error("no templates is an empty list, not null")
	}
}

func TestImagesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewImagesDataSource(), &imagesModel{})
}
