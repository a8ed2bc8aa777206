package nova

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewImagesDataSource is gpucloud_nova_images.
func NewImagesDataSource() datasource.DataSource {
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[imagesModel]{
		Name: "nova_images", Doing: "listing Nova Cloud's templates",
		Schema: schema.Schema{
			MarkdownDescription: "The OS templates Nova Cloud documents for `template_vmid`, all Ubuntu-based. Needs no credentials and makes no request.",
			Attributes: map[string]schema.Attribute{
				"images": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The templates.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"template_vmid": schema.Int64Attribute{Computed: true, MarkdownDescription: "For `template_vmid`."},
						"name":          sharedschema.ComputedString("For `image`."), "display_name": sharedschema.ComputedString("Display name."), "description": sharedschema.ComputedString("What it contains."),
						"access": sharedschema.ComputedString("How to reach it: SSH, and for some a web UI and Jupyter."),
					}},
				},
			},
		},
		Fill: func(_ context.Context, m *imagesModel) error {
			m.Images = imagesFromTemplates(templates)
			return nil
		},
	})
}
