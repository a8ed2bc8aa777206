package bluelobster

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
)

type backupScheduleModel struct {
	ID             types.String `tfsdk:"id"`
	InstanceID     types.String `tfsdk:"instance_id"`
	Enabled        types.Bool   `tfsdk:"enabled"`
	Frequency      types.String `tfsdk:"frequency"`
	TimeUTC        types.String `tfsdk:"time_utc"`
	RetentionCount types.Int64  `tfsdk:"retention_count"`
	LastBackup     types.String `tfsdk:"last_backup"`
	NextBackup     types.String `tfsdk:"next_backup"`
}

func backupScheduleFromAPI(id string, s *api.Schedule) backupScheduleModel {
	return backupScheduleModel{
		ID: types.StringValue(id), InstanceID: types.StringValue(id), Enabled: types.BoolValue(s.Enabled),
		Frequency: types.StringValue(s.Frequency), TimeUTC: types.StringValue(s.TimeUTC), RetentionCount: types.Int64Value(s.RetentionCount),
		LastBackup: nullIfEmpty(s.LastBackup), NextBackup: nullIfEmpty(s.NextBackup),
	}
}
