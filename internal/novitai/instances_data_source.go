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
		Schema: sharedschema.ListOfInstances("The instances a novitai service manages", "name", "",
			map[string]schema.Attribute{
				"name_regex": sharedschema.NameRegex("name"),
				"status":     sharedschema.Filter("Only instances in this status, such as `running`."),
				"region":     sharedschema.Filter("Only instances in this region, such as `US-WEST-01`."),
			},
			instanceAttributes(schema.StringAttribute{Computed: true, MarkdownDescription: "The instance's ID."})),
		Fill: func(ctx context.Context, m *instancesModel) error {
			all, err := d.Client.ListInstances(ctx)
			m.Instances = instancesFromAPI(all, *m)
			return err
		},
	})
}
