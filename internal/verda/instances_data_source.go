package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewInstancesDataSource is gpucloud_verda_instances.
func NewInstancesDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[instancesModel]{
		Name: "verda_instances", Configure: d.configure, Doing: "listing Verda instances",
		Schema: sharedschema.ListOfInstances("The project's instances", "hostname", "",
			map[string]schema.Attribute{
				"name_regex":    sharedschema.NameRegex("hostname"),
				"status":        sharedschema.Filter("Only instances in this status, such as `running` or `offline`."),
				"location_code": sharedschema.Filter("Only instances in this location, such as `FIN-01`."),
			},
			instanceDataAttributes()),
		Fill: func(ctx context.Context, m *instancesModel) error {
			all, err := d.Client.ListInstances(ctx)
			m.Instances = instancesFromAPI(all, *m)
			return err
		},
	})
}
