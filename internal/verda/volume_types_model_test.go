package verda

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestVolumeTypesFromAPI(t *testing.T) {
	shared := true
	vts := volumeTypesFromAPI([]api.VolumeType{
		{Type: "NVMe", Price: api.VolumeTypePrice{PricePerMonthPerGB: 0.2, Currency: "usd"}, IOPS: "100k", ThroughputGbps: 4},
		{Type: "NVMe_Shared", IsSharedFS: true},
	}, &shared)
	if len(vts) != 1 || vts[0].Type != "NVMe_Shared" {
		t.Fatalf("volume types %+v", vts)
	}
	all := volumeTypesFromAPI([]api.VolumeType{{Type: "NVMe", Price: api.VolumeTypePrice{PricePerMonthPerGB: 0.2, Currency: "usd"}, IOPS: "100k", ThroughputGbps: 4}}, nil)
	if all[0] != (volumeTypeModel{Type: "NVMe", PricePerMonthPerGB: 0.2, Currency: "usd", IOPS: "100k", ThroughputGbps: 4}) {
		t.Fatalf("volume type %+v", all[0])
	}
}

func TestVolumeTypesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewVolumeTypesDataSource(), &volumeTypesModel{})
}
