package bluelobster

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

type backupsModel struct {
	InstanceID types.String `tfsdk:"instance_id"`
	NotesRegex types.String `tfsdk:"notes_regex"`
	Backups    []backupData `tfsdk:"backups"`
}

type backupData struct {
	VolID        string `tfsdk:"volid"`
	SizeBytes    int64  `tfsdk:"size_bytes"`
	SizeHuman    string `tfsdk:"size_human"`
	CreatedAt    string `tfsdk:"created_at"`
	Format       string `tfsdk:"format"`
	Notes        string `tfsdk:"notes"`
	InstanceID   string `tfsdk:"instance_id"`
	InstanceName string `tfsdk:"instance_name"`
}

// backupsFromAPI is one instance's backups.
func backupsFromAPI(backups []api.Backup, instanceID string) []backupData {
	out := []backupData{}
	for _, b := range backups {
		out = append(out, backupData{VolID: b.VolID, SizeBytes: b.SizeBytes, SizeHuman: b.SizeHuman, CreatedAt: b.CreatedAt, Format: b.Format, Notes: b.Notes, InstanceID: instanceID})
	}
	return out
}

// accountBackupsFromAPI is the account's backups whose notes match.
func accountBackupsFromAPI(backups []api.AccountBackup, notes types.String) []backupData {
	out := []backupData{}
	for _, b := range backups {
		if b.Notes != nil {
			b.Backup.Notes = *b.Notes
		}
		if sharedschema.MatchesName(notes, b.Backup.Notes) {
			out = append(out, backupData{VolID: b.VolID, SizeBytes: b.SizeBytes, SizeHuman: b.SizeHuman, CreatedAt: b.CreatedAt, Format: b.Format,
				Notes: b.Backup.Notes, InstanceID: b.InstanceID, InstanceName: b.InstanceName})
		}
	}
	return out
}
