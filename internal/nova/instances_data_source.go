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
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	integer := func(desc string) schema.Attribute {
		return schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
	}
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
				"id":             str("The VM's ID."),
				"vmid":           integer("Nova's numeric VM ID."),
				"instance_label": str("Nova's label for the VM."),
				"node":           str("Node it runs on."),
				"gpu_type":       str("GPU."),
				"gpu_count":      integer("GPUs."),
				"storage_gb":     integer("Disk in GB."),
				"ram_gb":         integer("RAM in GB."),
				"cpu_cores":      integer("vCPUs."),
				"template_vmid":  integer("OS template; 0 when Nova does not report it."),
				"rental_type":    str("`on_demand`, `reserved` or `interruptible`."),
				"ip_address":     str("IP address while running."),
				"status":         str("Nova's status."),
				"price_per_hour": sharedschema.ComputedFloat("Price per hour in USD."),
				"created_at":     str("Creation time."),
				"started_at":     str("Last start time."),
			}),
		Fill: func(ctx context.Context, m *instancesModel) error {
			all, err := d.Client.ListVMs(ctx)
			m.Instances = instancesFromAPI(all, *m)
			return err
		},
	})
}
