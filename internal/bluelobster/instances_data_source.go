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
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	integer := func(desc string) schema.Attribute {
		return schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
	}
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[instancesModel]{
		Name: "bluelobster_instances", Configure: d.configure, Doing: "listing Blue Lobster instances",
		Schema: sharedschema.ListOfInstances("The account's instances", "name", "",
			map[string]schema.Attribute{
				"name_regex":   sharedschema.NameRegex("name"),
				"power_status": sharedschema.Filter("Only instances in this power status, such as `running` or `stopped`."),
				"region":       sharedschema.Filter("Only instances in this region, such as `igl`."),
			},
			map[string]schema.Attribute{
				"id":             str("The instance's UUID."),
				"name":           str("Name."),
				"region":         str("Region."),
				"instance_type":  str("Instance type."),
				"ip_address":     str("Public IP address."),
				"internal_ip":    str("Internal IP address."),
				"host_id":        str("Host the machine runs on."),
				"cpu_cores":      integer("vCPUs."),
				"memory_gib":     integer("Memory in GiB."),
				"storage_gib":    integer("Storage in GiB."),
				"gpu_count":      integer("GPUs."),
				"gpu_model":      str("GPU model."),
				"power_status":   str("Power status as Blue Lobster reports it; empty when it reports none."),
				"template_name":  str("The template Blue Lobster reports."),
				"os_type":        str("Operating system family, such as `linux`."),
				"username":       str("Login user."),
				"metadata":       schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Key-value pairs, where Blue Lobster returns them."},
				"price_per_hour": sharedschema.ComputedFloat("Price per hour in USD."),
				"created_at":     str("Creation time."),
			}),
		Fill: func(ctx context.Context, m *instancesModel) error {
			all, err := d.Client.ListInstances(ctx)
			m.Instances = instancesFromAPI(all, *m)
			return err
		},
	})
}
