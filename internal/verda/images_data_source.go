package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewImagesDataSource is gpucloud_verda_images.
func NewImagesDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[imagesModel]{
		Name: "verda_images", Configure: d.configure, Doing: "listing Verda images",
		Schema: schema.Schema{
			MarkdownDescription: "The OS images Verda instances can boot. Their `image_type` is the name an instance is deployed with.",
			Attributes: map[string]schema.Attribute{
				"category": schema.StringAttribute{
					Optional: true, MarkdownDescription: "Only images of this category, such as `ubuntu`; case does not matter.",
				},
				"images": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The matching images, in Verda's order.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"id":         schema.StringAttribute{Computed: true, MarkdownDescription: "Image ID."},
						"image_type": schema.StringAttribute{Computed: true, MarkdownDescription: "The name to deploy with, such as `ubuntu-24.04`."},
						"name":       schema.StringAttribute{Computed: true, MarkdownDescription: "Display name."},
						"category":   schema.StringAttribute{Computed: true, MarkdownDescription: "Category, such as `ubuntu`."},
						"is_default": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the console preselects it."},
						"details": schema.ListAttribute{
							Computed: true, ElementType: types.StringType, MarkdownDescription: "What the image contains.",
						},
					}},
				},
			},
		},
		Fill: func(ctx context.Context, m *imagesModel) error {
			images, err := d.Client.ListImages(ctx)
			m.Images = imagesFromAPI(images, m.Category.ValueString())
			return err
		},
	})
}
