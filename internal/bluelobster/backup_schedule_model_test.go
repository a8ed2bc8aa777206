package bluelobster

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
)

func TestBackupScheduleFromAPI(t *testing.T) {
	got := backupScheduleFromAPI("vm-1", &api.Schedule{Enabled: true, Frequency: "weekly", TimeUTC: "22:30", RetentionCount: 14, NextBackup: "2026-12-07T22:30:00Z"})
	if got.ID.ValueString() != "vm-1" || got.InstanceID.ValueString() != "vm-1" || got.Frequency.ValueString() != "weekly" ||
		got.TimeUTC.ValueString() != "22:30" || got.RetentionCount.ValueInt64() != 14 || !got.Enabled.ValueBool() {
		t.Errorf("%+v", got)
	}
	if !got.LastBackup.IsNull() || got.NextBackup.IsNull() {
		t.Errorf("a backup that never ran is null: last %s, next %s", got.LastBackup, got.NextBackup)
	}
}

func TestBackupScheduleParity(t *testing.T) {
	modeltest.ResourceParity(t, NewBackupScheduleResource(), &backupScheduleModel{})
}
