package novitai

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewInstancesDataSource is gpucloud_novitai_instances.
func NewInstancesDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[instancesModel]{
		Name: "novitai_instances", Configure: d.configure, Doing: "listing novitai instances",
		Schema: schema.Schema{
			MarkdownDescription: "The instances a novitai service manages, newest first, optionally filtered.",
			Attributes: map[string]schema.Attribute{
				"status": schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances in this status, such as `running`."},
				"region": schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances in this region."},
				"instances": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The matching instances.",
					NestedObject: schema.NestedAttributeObject{Attributes: instanceAttributes(schema.StringAttribute{Computed: true, MarkdownDescription: "The instance's ID."})},
				},
			},
		},
		Fill: func(ctx context.Context, m *instancesModel) error {
			all, err := d.Client.ListInstances(ctx)
			m.Instances = instancesFromAPI(all, m.Status, m.Region)
			return err
		},
	})
}
