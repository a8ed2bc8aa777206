package verda

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type volumesModel struct {
	LocationCode types.String      `tfsdk:"location_code"`
	Type         types.String      `tfsdk:"type"`
	InstanceID   types.String      `tfsdk:"instance_id"`
	Volumes      []volumeDataModel `tfsdk:"volumes"`
}

type volumeDataModel struct {
	ID           string   `tfsdk:"id"`
	Name         string   `tfsdk:"name"`
	Size         int64    `tfsdk:"size"`
	Type         string   `tfsdk:"type"`
	LocationCode string   `tfsdk:"location_code"`
	Status       string   `tfsdk:"status"`
	InstanceIDs  []string `tfsdk:"instance_ids"`
	IsOSVolume   bool     `tfsdk:"is_os_volume"`
	MonthlyPrice float64  `tfsdk:"monthly_price"`
	CreatedAt    string   `tfsdk:"created_at"`
	MountCommand string   `tfsdk:"mount_command"`
	PseudoPath   string   `tfsdk:"pseudo_path"`
	CreateDir    string   `tfsdk:"create_directory_command"`
	Fstab        string   `tfsdk:"filesystem_to_fstab_command"`
}

func volumesFromAPI(vols []api.Volume, location, typ, instanceID string) []volumeDataModel {
	out := []volumeDataModel{}
	for _, v := range vols {
		attached := v.AttachedTo()
		switch {
		case location != "" && !strings.EqualFold(location, v.Location),
			typ != "" && !strings.EqualFold(typ, v.Type),
			instanceID != "" && !containsFold(attached, instanceID):
			continue
		}
		out = append(out, volumeDataModel{
			ID: v.ID, Name: v.Name, Size: v.Size, Type: v.Type, LocationCode: v.Location, Status: v.Status,
			InstanceIDs: attached, IsOSVolume: v.IsOSVolume, MonthlyPrice: float64(v.MonthlyPrice), CreatedAt: v.CreatedAt,
			MountCommand: v.MountCommand, PseudoPath: v.PseudoPath, CreateDir: v.CreateDirectoryCommand, Fstab: v.FilesystemToFstabCommand,
		})
	}
	return out
}
