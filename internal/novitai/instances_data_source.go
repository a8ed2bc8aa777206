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
			MarkdownDescription: "The instances a novitai service manages, whoever created them, optionally filtered, from one list request. " +
				"With `import` blocks it brings instances made outside Terraform under it; see the guide *Bringing an existing fleet under Terraform*.",
			Attributes: map[string]schema.Attribute{
				"name_regex": sharedschema.NameRegex("name"),
				"status":     sharedschema.Filter("Only instances in this status, such as `running`."),
				"region":     sharedschema.Filter("Only instances in this region, such as `US-WEST-01`."),
				"instances": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The matching instances, ordered by name, then ID.",
					NestedObject: schema.NestedAttributeObject{Attributes: instanceAttributes(schema.StringAttribute{Computed: true, MarkdownDescription: "The instance's ID."})},
				},
			},
		},
		Fill: func(ctx context.Context, m *instancesModel) error {
			all, err := d.Client.ListInstances(ctx)
			m.Instances = instancesFromAPI(all, *m)
			return err
		},
	})
}
