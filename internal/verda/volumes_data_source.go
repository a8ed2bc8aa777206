package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewVolumesDataSource is gpucloud_verda_volumes.
func NewVolumesDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[volumesModel]{
		Name: "verda_volumes", Configure: d.configure, Doing: "listing Verda volumes",
		Schema: schema.Schema{
			MarkdownDescription: "The project's volumes outside the trash, optionally filtered, in creation order.",
			Attributes: map[string]schema.Attribute{
				"location_code": schema.StringAttribute{Optional: true, MarkdownDescription: "Only volumes in this location."},
				"type":          schema.StringAttribute{Optional: true, MarkdownDescription: "Only volumes of this type, such as `NVMe`."},
				"instance_id":   schema.StringAttribute{Optional: true, MarkdownDescription: "Only volumes attached to this instance."},
				"volumes": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The matching volumes.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"id":                          sharedschema.ComputedString("Volume ID."),
						"name":                        sharedschema.ComputedString("Name."),
						"size":                        schema.Int64Attribute{Computed: true, MarkdownDescription: "Size in GB."},
						"type":                        sharedschema.ComputedString("Volume type."),
						"location_code":               sharedschema.ComputedString("Location."),
						"status":                      sharedschema.ComputedString("Status, such as `attached`."),
						"instance_ids":                schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Instances it is attached to."},
						"is_os_volume":                schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is an OS volume."},
						"monthly_price":               schema.Float64Attribute{Computed: true, MarkdownDescription: "Price per month."},
						"mount_command":               sharedschema.ComputedString("The command that mounts it on an instance."),
						"pseudo_path":                 sharedschema.ComputedString("The filesystem's unique path on Verda's storage."),
						"create_directory_command":    sharedschema.ComputedString("The command that creates its mount point, for cloud-init."),
						"filesystem_to_fstab_command": sharedschema.ComputedString("The command that adds it to `/etc/fstab` once, for cloud-init."),
						"created_at":                  sharedschema.ComputedString("Creation time."),
					}},
				},
			},
		},
		Fill: func(ctx context.Context, m *volumesModel) error {
			vols, err := d.Client.ListVolumes(ctx)
			m.Volumes = volumesFromAPI(vols, m.LocationCode.ValueString(), m.Type.ValueString(), m.InstanceID.ValueString())
			return err
		},
	})
}
