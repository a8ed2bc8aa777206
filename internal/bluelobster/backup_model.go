package bluelobster

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
)

type backupModel struct {
	ID           types.String   `tfsdk:"id"`
	InstanceID   types.String   `tfsdk:"instance_id"`
	Notes        types.String   `tfsdk:"notes"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
	InstanceName types.String   `tfsdk:"instance_name"`
	SizeBytes    types.Int64    `tfsdk:"size_bytes"`
	SizeHuman    types.String   `tfsdk:"size_human"`
	CreatedAt    types.String   `tfsdk:"created_at"`
}

// backupFromAPI fills the model from the account-wide list, which carries
// notes; unset notes stay unset while Blue Lobster reports none, and notes
// not reported at all stay as they were.
func backupFromAPI(b *api.AccountBackup, prior backupModel) backupModel {
	m := prior
	m.ID, m.InstanceID, m.InstanceName = types.StringValue(b.VolID), types.StringValue(b.InstanceID), types.StringValue(b.InstanceName)
	m.SizeBytes, m.SizeHuman, m.CreatedAt = types.Int64Value(b.SizeBytes), types.StringValue(b.SizeHuman), types.StringValue(b.CreatedAt)
	if b.Notes != nil && (*b.Notes != "" || !prior.Notes.IsNull()) {
		m.Notes = types.StringValue(*b.Notes)
	}
	return m
}

func backupCandidate(b api.Backup) adopt.Candidate {
	return adopt.Candidate{ID: b.VolID, Name: b.Notes, CreatedAt: adopt.ParseTime(b.CreatedAt)}
}
