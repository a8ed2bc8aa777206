package bluelobster

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
)

type imagesModel struct {
	HasNvidia types.Bool   `tfsdk:"has_nvidia"`
	Images    []imageModel `tfsdk:"images"`
}

type imageModel struct {
	Name        string `tfsdk:"name"`
	VMID        int64  `tfsdk:"vmid"`
	DisplayName string `tfsdk:"display_name"`
	OSType      string `tfsdk:"os_type"`
	HasNvidia   bool   `tfsdk:"has_nvidia"`
}

// imagesFromAPI lists the templates, only those with or without NVIDIA
// drivers when hasNvidia is set.
func imagesFromAPI(templates []api.Template, hasNvidia types.Bool) []imageModel {
	out := []imageModel{}
	for _, t := range templates {
		if hasNvidia.IsNull() || hasNvidia.ValueBool() == t.HasNvidia {
			out = append(out, imageModel{Name: t.Name, VMID: t.VMID, DisplayName: t.DisplayName, OSType: t.OSType, HasNvidia: t.HasNvidia})
		}
	}
	return out
}
