package verda

import (
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type clusterImagesModel struct {
	Images []clusterImageData `tfsdk:"images"`
}

type clusterImageData struct {
	ID        string   `tfsdk:"id"`
	ImageType string   `tfsdk:"image_type"`
	Name      string   `tfsdk:"name"`
	Category  string   `tfsdk:"category"`
	IsDefault bool     `tfsdk:"is_default"`
	Details   []string `tfsdk:"details"`
}

func clusterImagesFromAPI(all []api.Image) []clusterImageData {
	out := []clusterImageData{}
	for _, i := range all {
		details := append([]string{}, i.Details...)
		out = append(out, clusterImageData{ID: i.ID, ImageType: i.ImageType, Name: i.Name, Category: i.Category, IsDefault: i.IsDefault, Details: details})
	}
	return out
}
