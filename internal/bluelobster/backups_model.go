package bluelobster

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
)

type backupsModel struct {
	InstanceID types.String  `tfsdk:"instance_id"`
	Backups    []backupModel `tfsdk:"backups"`
}

type backupModel struct {
	VolID     string `tfsdk:"volid"`
	SizeBytes int64  `tfsdk:"size_bytes"`
	SizeHuman string `tfsdk:"size_human"`
	CreatedAt string `tfsdk:"created_at"`
	Format    string `tfsdk:"format"`
	Notes     string `tfsdk:"notes"`
}

func backupsFromAPI(backups []api.Backup) []backupModel {
	out := []backupModel{}
	for _, b := range backups {
		out = append(out, backupModel{VolID: b.VolID, SizeBytes: b.SizeBytes, SizeHuman: b.SizeHuman, CreatedAt: b.CreatedAt, Format: b.Format, Notes: b.Notes})
	}
	return out
}
