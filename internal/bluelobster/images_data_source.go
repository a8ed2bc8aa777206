package bluelobster

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewImagesDataSource is gpucloud_bluelobster_images.
func NewImagesDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[imagesModel]{
		Name: "bluelobster_images", Configure: d.configure, Doing: "listing Blue Lobster templates",
		Schema: schema.Schema{
			MarkdownDescription: "Blue Lobster's OS templates, for `gpucloud_bluelobster_instance.template_name`.",
			Attributes: map[string]schema.Attribute{
				"has_nvidia": schema.BoolAttribute{Optional: true, MarkdownDescription: "Only templates with (`true`) or without (`false`) NVIDIA drivers."},
				"images": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The matching templates.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"name":         schema.StringAttribute{Computed: true, MarkdownDescription: "Template name, for `template_name`."},
						"vmid":         schema.Int64Attribute{Computed: true, MarkdownDescription: "Template VM ID."},
						"display_name": schema.StringAttribute{Computed: true, MarkdownDescription: "Display name."},
						"os_type":      schema.StringAttribute{Computed: true, MarkdownDescription: "OS family."},
						"has_nvidia":   schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether NVIDIA drivers are installed."},
					}},
				},
			},
		},
		Fill: func(ctx context.Context, m *imagesModel) error {
			templates, err := d.Client.ListTemplates(ctx)
			m.Images = imagesFromAPI(templates, m.HasNvidia)
			return err
		},
	})
}
