package verda

import (
	"slices"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestVolumesFromAPI(t *testing.T) {
	vols := []api.Volume{
		{ID: "a", Type: "NVMe", Location: "FIN-01", InstanceID: "i-1", IsOSVolume: true},
		{ID: "b", Type: "HDD", Location: "FIN-01", Instances: []api.VolRef{{ID: "i-1"}}},
		{ID: "c", Type: "NVMe", Location: "FIN-02"},
	}
	ids := func(ms []volumeDataModel) (out []string) {
		for _, m := range ms {
			out = append(out, m.ID)
		}
		return out
	}
	for _, tc := range []struct {
		location, typ, instance string
		want                    []string
	}{
		{"", "", "", []string{"a", "b", "c"}},
		{"fin-01", "", "", []string{"a", "b"}},
		{"", "nvme", "", []string{"a", "c"}},
		{"", "", "i-1", []string{"a", "b"}},
		{"FIN-02", "HDD", "", nil},
	} {
		if got := ids(volumesFromAPI(vols, tc.location, tc.typ, tc.instance)); !slices.Equal(got, tc.want) {
			t.Errorf("%+v: got %v", tc, got)
		}
	}
	if got := volumesFromAPI(nil, "", "", ""); got == nil {
		t.Error("no volumes must be an empty list, not null")
	}
	if got := volumesFromAPI(vols[:1], "", "", ""); got[0].InstanceIDs[0] != "i-1" || !got[0].IsOSVolume {
		t.Errorf("%+v", got[0])
	}
}

func TestVolumesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewVolumesDataSource(), &volumesModel{})
}
