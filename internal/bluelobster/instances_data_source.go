package bluelobster

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewInstancesDataSource is gpucloud_bluelobster_instances.
func NewInstancesDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[instancesModel]{
		Name: "bluelobster_instances", Configure: d.configure, Doing: "listing Blue Lobster instances",
		Schema: sharedschema.ListOfInstances("The account's instances", "name", "",
			map[string]schema.Attribute{
				"name_regex":   sharedschema.NameRegex("name"),
				"power_status": sharedschema.Filter("Only instances in this power status, such as `running` or `stopped`."),
				"region":       sharedschema.Filter("Only instances in this region, such as `igl`."),
			},
			map[string]schema.Attribute{
				"id":             sharedschema.ComputedString("The instance's UUID."),
				"name":           sharedschema.ComputedString("Name."),
				"region":         sharedschema.ComputedString("Region."),
				"instance_type":  sharedschema.ComputedString("Instance type."),
				"ip_address":     sharedschema.ComputedString("Public IP address."),
				"internal_ip":    sharedschema.ComputedString("Internal IP address."),
				"host_id":        sharedschema.ComputedString("Host the machine runs on."),
				"cpu_cores":      sharedschema.ComputedInt("vCPUs."),
				"memory_gib":     sharedschema.ComputedInt("Memory in GiB."),
				"storage_gib":    sharedschema.ComputedInt("Storage in GiB."),
				"gpu_count":      sharedschema.ComputedInt("GPUs."),
				"gpu_model":      sharedschema.ComputedString("GPU model."),
				"power_status":   sharedschema.ComputedString("Power status as Blue Lobster reports it; empty when it reports none."),
				"template_name":  sharedschema.ComputedString("The template Blue Lobster reports."),
				"os_type":        sharedschema.ComputedString("Operating system family, such as `linux`."),
				"username":       sharedschema.ComputedString("Login user."),
				"metadata":       schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Key-value pairs, where Blue Lobster returns them."},
				"price_per_hour": sharedschema.ComputedFloat("Price per hour in USD."),
				"created_at":     sharedschema.ComputedString("Creation time."),
			}),
		Fill: func(ctx context.Context, m *instancesModel) error {
			all, err := d.Client.ListInstances(ctx)
			m.Instances = instancesFromAPI(all, *m)
			return err
		},
	})
}
