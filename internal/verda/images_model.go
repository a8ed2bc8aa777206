package verda

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type imagesModel struct {
	Category types.String `tfsdk:"category"`
	Images   []imageModel `tfsdk:"images"`
}

type imageModel struct {
	ID        string   `tfsdk:"id"`
	ImageType string   `tfsdk:"image_type"`
	Name      string   `tfsdk:"name"`
	Category  string   `tfsdk:"category"`
	IsDefault bool     `tfsdk:"is_default"`
	Details   []string `tfsdk:"details"`
}

func imagesFromAPI(images []api.Image, category string) []imageModel {
	out := []imageModel{}
	for _, i := range images {
		if i.IsCluster || category != "" && !strings.EqualFold(category, i.Category) {
			continue
		}
		out = append(out, imageModel{ID: i.ID, ImageType: i.ImageType, Name: i.Name, Category: i.Category, IsDefault: i.IsDefault, Details: nonNil(i.Details)})
	}
	return out
}
