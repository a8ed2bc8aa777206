package verda

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestVolumeFromAPI(t *testing.T) {
	v := &api.Volume{ID: "v-1", Name: "data", Size: 100, Type: "NVMe", Location: "FIN-01", Status: api.VolumeAttached,
		Instances: []api.VolRef{{ID: "i-2"}, {ID: "i-1"}}, MonthlyPrice: 20, Currency: "usd", PseudoPath: "volume-84Ca37Jf",
		CreateDirectoryCommand: "mkdir -p /mnt/volume", FilesystemToFstabCommand: "echo x | sudo tee -a /etc/fstab"}
	prior := volumeModel{DeletePermanently: types.BoolValue(true), InstanceIDs: stringSetValue([]string{"i-1"})}
	got := volumeFromAPI(v, prior)
	if !got.DeletePermanently.ValueBool() {
		t.Error("delete_permanently, which Verda does not report, must keep the prior value")
	}
	if !got.InstanceIDs.Equal(stringSetValue([]string{"i-1", "i-2"})) {
		t.Errorf("an attachment made elsewhere is drift: %s", got.InstanceIDs)
	}
	if got.Size.ValueInt64() != 100 || got.MonthlyPrice.ValueFloat64() != 20 || got.Status.ValueString() != api.VolumeAttached ||
		got.PseudoPath.ValueString() != "volume-84Ca37Jf" || got.CreateDirCommand.ValueString() != "mkdir -p /mnt/volume" ||
		got.FstabCommand.ValueString() != v.FilesystemToFstabCommand {
		t.Errorf("%+v", got)
	}
	if imported := volumeFromAPI(v, volumeModel{}); imported.DeletePermanently.IsNull() || imported.DeletePermanently.ValueBool() {
		t.Errorf("an import takes the default, false: %s", imported.DeletePermanently)
	}
}

func TestVolumeParity(t *testing.T) { modeltest.ResourceParity(t, NewVolumeResource(), &volumeModel{}) }
