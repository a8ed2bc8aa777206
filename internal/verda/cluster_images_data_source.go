package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewClusterImagesDataSource is gpucloud_verda_cluster_images.
func NewClusterImagesDataSource() datasource.DataSource {
	var d clientHolder
	str := sharedschema.ComputedString
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[clusterImagesModel]{
		Name: "verda_cluster_images", Configure: d.configure, Doing: "listing Verda cluster images",
		Schema: schema.Schema{
			MarkdownDescription: "The images instant clusters deploy (`GET /images/cluster`); their `image_type` is what `gpucloud_verda_cluster.image` takes.",
			Attributes: map[string]schema.Attribute{
				"images": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The cluster images, in Verda's order.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"id": str("Image ID."), "image_type": str("Image type, for `image`."), "name": str("Name."), "category": str("Category."),
						"is_default": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is the default."},
						"details":    schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "What it holds."},
					}},
				},
			},
		},
		Fill: func(ctx context.Context, m *clusterImagesModel) error {
			all, err := d.Client.ListClusterImages(ctx)
			m.Images = clusterImagesFromAPI(all)
			return err
		},
	})
}
