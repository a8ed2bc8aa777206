package verda

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestClusterImagesFromAPI(t *testing.T) {
	got := clusterImagesFromAPI([]api.Image{{ID: "i", ImageType: "ubuntu-22.04-cuda-12.4-cluster", Details: []string{"Slurm"}, IsDefault: true}})
	if len(got) != 1 || got[0].ImageType != "ubuntu-22.04-cuda-12.4-cluster" || !got[0].IsDefault || got[0].Details[0] != "Slurm" {
		t.Errorf("%+v", got)
	}
	if clusterImagesFromAPI(nil) == nil {
		t.Error("none must be an empty list, not null")
	}
}

func TestClusterImagesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewClusterImagesDataSource(), &clusterImagesModel{})
}
