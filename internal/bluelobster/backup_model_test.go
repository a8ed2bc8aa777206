package bluelobster

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
)

func TestBackupFromAPI(t *testing.T) {
	b := &api.AccountBackup{Backup: api.Backup{VolID: "pbs:backup/vm/100/x", SizeBytes: 10, SizeHuman: "10 B", CreatedAt: "2026-12-01T00:00:00Z"},
		InstanceID: "vm-1", InstanceName: "web"}
	m := backupFromAPI(b, backupModel{Notes: types.StringNull()})
	if m.ID.ValueString() != b.VolID || m.InstanceID.ValueString() != "vm-1" || m.InstanceName.ValueString() != "web" ||
		m.SizeBytes.ValueInt64() != 10 || m.CreatedAt.ValueString() != b.CreatedAt {
		t.Errorf("%+v", m)
	}
	if !m.Notes.IsNull() {
		t.Errorf("no notes reported and none configured stays null: %v", m.Notes)
	}
	b.Notes = ptr("set in the console")
	if m := backupFromAPI(b, backupModel{Notes: types.StringNull()}); m.Notes.ValueString() != "set in the console" {
		t.Errorf("notes set outside Terraform are drift to show: %v", m.Notes)
	}
	b.Notes = ptr("")
	if m := backupFromAPI(b, backupModel{Notes: types.StringValue("old")}); m.Notes.ValueString() != "" {
		t.Errorf("notes cleared outside Terraform are drift to show: %v", m.Notes)
	}
	b.Notes = nil
	if m := backupFromAPI(b, backupModel{Notes: types.StringValue("kept")}); m.Notes.ValueString() != "kept" {
		t.Errorf("notes not reported stay as they were: %v", m.Notes)
	}
}

func TestBackupParity(t *testing.T) {
	modeltest.ResourceParity(t, NewBackupResource(), &backupModel{})
}
