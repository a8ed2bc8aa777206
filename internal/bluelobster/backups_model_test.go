package bluelobster

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
)

func TestBackupsFromAPI(t *testing.T) {
	b := api.Backup{VolID: "local:backup/vzdump-qemu-101.vma.zst", SizeBytes: 45_200_000_000, SizeHuman: "45.2 GB", CreatedAt: "2026-11-30T03:00:00Z", Format: "vma.zst"}
	got := backupsFromAPI([]api.Backup{b})
	if len(got) != 1 || got[0] != (backupModel{VolID: b.VolID, SizeBytes: b.SizeBytes, SizeHuman: b.SizeHuman, CreatedAt: b.CreatedAt, Format: b.Format}) {
		t.Errorf("%+v", got)
	}
	if none := backupsFromAPI(nil); none == nil {
		t.Error("no backups is an empty list, not null")
	}
}

func TestBackupsParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewBackupsDataSource(), &backupsModel{})
}
