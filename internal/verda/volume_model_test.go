package verda

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
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

func TestTagsFromAPI(t *testing.T) {
	null := types.MapNull(types.StringType)
	if got := tagsFromAPI(nil, null); !got.IsNull() {
		t.Errorf("an answer without tags keeps what was: %s", got)
	}
	if got := tagsFromAPI(&[]api.Tag{}, null); !got.IsNull() {
		t.Errorf("no tags where none were configured stays null: %s", got)
	}
	got := tagsFromAPI(&[]api.Tag{{ID: "t1", Key: "team", Value: "ml"}, {ID: "t2", Key: "gpu-pool"}}, null)
	want := types.MapValueMust(types.StringType, map[string]attr.Value{"team": types.StringValue("ml"), "gpu-pool": types.StringValue("")})
	if !got.Equal(want) {
		t.Errorf("tags added outside Terraform are drift: got %s", got)
	}
	if specs := tagSpecs(context.Background(), want); len(specs) != 2 || specs[0] != (api.TagSpec{Key: "gpu-pool"}) || specs[1] != (api.TagSpec{Key: "team", Value: "ml"}) {
		t.Errorf("create bodies send the tags by key: %+v", specs)
	}
	token := []api.Tag{{ID: "t3", Key: creationTokenKey, Value: "abc"}}
	if got := tagsFromAPI(&token, null); !got.IsNull() {
		t.Errorf("the creation token is no configured tag: %s", got)
	}
	if got := tagsFromAPI(&[]api.Tag{token[0], {ID: "t1", Key: "team", Value: "ml"}}, null); got.Equal(want) || len(got.Elements()) != 1 {
		t.Errorf("the creation token is left out of the tags: %s", got)
	}
}

func TestCreationToken(t *testing.T) {
	tags, token := withCreationToken([]api.TagSpec{{Key: "team", Value: "ml"}})
	if len(token) == 0 || len(tags) != 2 || tags[1] != (api.TagSpec{Key: creationTokenKey, Value: token}) {
		t.Fatalf("a create carries its token as one more tag: %+v %q", tags, token)
	}
	if got := creationToken(&[]api.Tag{{Key: "team"}, {Key: creationTokenKey, Value: token}}); got != token {
		t.Errorf("the token read back: %q", got)
	}
	if creationToken(nil) != "" || creationToken(&[]api.Tag{{Key: "team"}}) != "" {
		t.Error("no token where the object carries none")
	}
	full := make([]api.TagSpec, maxTags)
	if tags, token := withCreationToken(full); token != "" || len(tags) != maxTags {
		t.Errorf("no room for a token among %d tags: %d tags, token %q", maxTags, len(tags), token)
	}
}
