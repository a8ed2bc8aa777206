package verda

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type volumeModel struct {
	ID                types.String   `tfsdk:"id"`
	Name              types.String   `tfsdk:"name"`
	Size              types.Int64    `tfsdk:"size"`
	Type              types.String   `tfsdk:"type"`
	LocationCode      types.String   `tfsdk:"location_code"`
	InstanceIDs       types.Set      `tfsdk:"instance_ids"`
	SourceVolumeID    types.String   `tfsdk:"source_volume_id"`
	Tags              types.Map      `tfsdk:"tags"`
	DeletePermanently types.Bool     `tfsdk:"delete_permanently"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
	Status            types.String   `tfsdk:"status"`
	IsOSVolume        types.Bool     `tfsdk:"is_os_volume"`
	CreatedAt         types.String   `tfsdk:"created_at"`
	MountCommand      types.String   `tfsdk:"mount_command"`
	PseudoPath        types.String   `tfsdk:"pseudo_path"`
	CreateDirCommand  types.String   `tfsdk:"create_directory_command"`
	FstabCommand      types.String   `tfsdk:"filesystem_to_fstab_command"`
	MonthlyPrice      types.Float64  `tfsdk:"monthly_price"`
	Currency          types.String   `tfsdk:"currency"`
}

func volumeFromAPI(v *api.Volume, prior volumeModel) volumeModel {
	m := prior
	m.ID = types.StringValue(v.ID)
	m.Name = types.StringValue(v.Name)
	m.Size = types.Int64Value(v.Size)
	m.Type = types.StringValue(v.Type)
	m.LocationCode = types.StringValue(v.Location)
	m.InstanceIDs = stringSetValue(v.AttachedTo())
	m.Tags = tagsFromAPI(v.Tags, prior.Tags)
	if m.DeletePermanently.IsNull() || m.DeletePermanently.IsUnknown() {
		m.DeletePermanently = types.BoolValue(false)
	}
	m.Status = types.StringValue(v.Status)
	m.IsOSVolume = types.BoolValue(v.IsOSVolume)
	m.CreatedAt = types.StringValue(v.CreatedAt)
	m.MountCommand = types.StringValue(v.MountCommand)
	m.PseudoPath, m.CreateDirCommand, m.FstabCommand = types.StringValue(v.PseudoPath), types.StringValue(v.CreateDirectoryCommand), types.StringValue(v.FilesystemToFstabCommand)
	m.MonthlyPrice = types.Float64Value(float64(v.MonthlyPrice))
	m.Currency = types.StringValue(v.Currency)
	return m
}
