package nova

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewInstancesDataSource is gpucloud_nova_instances.
func NewInstancesDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[instancesModel]{
		Name: "nova_instances", Configure: d.configure, Doing: "listing Nova Cloud VMs",
		Schema: sharedschema.ListOfInstances("The account's VMs", "instance_label", "",
			map[string]schema.Attribute{
				"name_regex": sharedschema.NameRegex("instance_label"),
				"status":     sharedschema.Filter("Only VMs in this status, such as `running`, `stopped` or `interrupted`."),
				"node":       sharedschema.Filter("Only VMs on this node, such as `vm01`."),
				"gpu_type":   sharedschema.Filter("Only VMs with this GPU, such as `4090`."),
			},
			map[string]schema.Attribute{
				"id":             sharedschema.ComputedString("The VM's ID."),
				"vmid":           sharedschema.ComputedInt("Nova's numeric VM ID."),
				"instance_label": sharedschema.ComputedString("Nova's label for the VM."),
				"node":           sharedschema.ComputedString("Node it runs on."),
				"gpu_type":       sharedschema.ComputedString("GPU."),
				"gpu_count":      sharedschema.ComputedInt("GPUs."),
				"storage_gb":     sharedschema.ComputedInt("Disk in GB."),
				"ram_gb":         sharedschema.ComputedInt("RAM in GB."),
				"cpu_cores":      sharedschema.ComputedInt("vCPUs."),
				"template_vmid":  sharedschema.ComputedInt("OS template; 0 when Nova does not report it."),
				"rental_type":    sharedschema.ComputedString("`on_demand`, `reserved` or `interruptible`."),
				"ip_address":     sharedschema.ComputedString("IP address while running."),
				"status":         sharedschema.ComputedString("Nova's status."),
				"price_per_hour": sharedschema.ComputedFloat("Price per hour in USD."),
				"created_at":     sharedschema.ComputedString("Creation time."),
				"started_at":     sharedschema.ComputedString("Last start time."),
			}),
		Fill: func(ctx context.Context, m *instancesModel) error {
			all, err := d.Client.ListVMs(ctx)
			m.Instances = instancesFromAPI(all, *m)
			return err
		},
	})
}
