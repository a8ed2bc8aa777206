package tensordock

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewInstancesDataSource is gpucloud_tensordock_instances.
func NewInstancesDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[instancesModel]{
		Name: "tensordock_instances", Configure: d.configure, Doing: "listing TensorDock instances",
		Schema: sharedschema.ListOfInstances("The organisation's instances", "name", " TensorDock does not report an instance's image, hostnode or location.",
			map[string]schema.Attribute{
				"name_regex": sharedschema.NameRegex("name"),
				"status":     sharedschema.Filter("Only instances in this status, such as `running` or `stopped` (case does not matter)."),
			},
			map[string]schema.Attribute{
				"id":         sharedschema.ComputedString("The instance's ID."),
				"name":       sharedschema.ComputedString("Name."),
				"status":     sharedschema.ComputedString("TensorDock's status, such as `running` or `Stopped`."),
				"ip_address": sharedschema.ComputedString("The IP to connect to."),
				"vcpu_count": sharedschema.ComputedInt("vCPUs."),
				"ram_gb":     sharedschema.ComputedInt("RAM in GB."),
				"storage_gb": sharedschema.ComputedInt("Disk in GB."),
				"gpu_model":  sharedschema.ComputedString("GPU model by `v0Name`; null for a CPU-only machine."),
				"gpu_count":  sharedschema.ComputedInt("GPUs of `gpu_model`; 0 for a CPU-only machine."),
				"port_forwards": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The port forwards TensorDock set up.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"internal_port": sharedschema.ComputedInt("The instance's port."),
						"external_port": sharedschema.ComputedInt("The port on the hostnode's IP that reaches it."),
					}},
				},
				"price_per_hour": sharedschema.ComputedFloat("Price per hour in USD."),
			}),
		Fill: func(ctx context.Context, m *instancesModel) error {
			all, err := d.Client.ListInstances(ctx)
			m.Instances = instancesFromAPI(all, *m)
			return err
		},
	})
}
