package bluelobster

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
)

func TestBackupsFromAPI(t *testing.T) {
	b := api.Backup{VolID: "local:backup/vzdump-qemu-101.vma.zst", SizeBytes: 45_200_000_000, SizeHuman: "45.2 GB", CreatedAt: "2026-11-30T03:00:00Z", Format: "vma.zst"}
	got := backupsFromAPI([]api.Backup{b}, "vm-1")
	if len(got) != 1 || got[0] != (backupData{VolID: b.VolID, SizeBytes: b.SizeBytes, SizeHuman: b.SizeHuman, CreatedAt: b.CreatedAt, Format: b.Format, InstanceID: "vm-1"}) {
		t.Errorf("%+v", got)
	}
	if none := backupsFromAPI(nil, "vm-1"); none == nil {
		t.Error("no backups is an empty list, not null")
	}
}

func TestAccountBackupsFromAPI(t *testing.T) {
	all := []api.AccountBackup{
		{Backup: api.Backup{VolID: "a"}, Notes: ptr("pre-upgrade"), InstanceID: "vm-1", InstanceName: "web"},
		{Backup: api.Backup{VolID: "b"}, Notes: ptr("nightly"), InstanceID: "vm-2", InstanceName: "db"},
	}
	got := accountBackupsFromAPI(all, types.StringNull())
	if len(got) != 2 || got[1] != (backupData{VolID: "b", Notes: "nightly", InstanceID: "vm-2", InstanceName: "db"}) {
		t.Errorf("%+v", got)
	}
	if got := accountBackupsFromAPI(all, types.StringValue("^pre-")); len(got) != 1 || got[0].VolID != "a" {
		t.Errorf("filtered by notes: %+v", got)
	}
	if none := accountBackupsFromAPI(nil, types.StringNull()); none == nil {
		t.Error("no backups is an empty list, not null")
	}
}

func TestBackupsParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewBackupsDataSource(), &backupsModel{})
}

func ptr(s string) *string { return &s }
