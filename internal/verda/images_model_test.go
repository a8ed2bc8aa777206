package verda

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestImagesFromAPI(t *testing.T) {
	imgs := imagesFromAPI([]api.Image{
		{ID: "1", ImageType: "ubuntu-24.04", Category: "ubuntu"},
		{ID: "2", ImageType: "cluster", Category: "ubuntu", IsCluster: true},
		{ID: "3", ImageType: "debian-12", Category: "debian", Details: []string{"Debian"}},
	}, "")
	if len(imgs) != 2 || imgs[0].Details == nil || imgs[1].Details[0] != "Debian" {
		t.Fatalf("images %+v", imgs)
	}
	if got := imagesFromAPI([]api.Image{{ID: "1", ImageType: "ubuntu-24.04", Category: "Ubuntu"}}, "ubuntu"); len(got) != 1 {
		t.Fatalf("the category matches in any case: %+v", got)
	}
}

func TestImagesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewImagesDataSource(), &imagesModel{})
}
