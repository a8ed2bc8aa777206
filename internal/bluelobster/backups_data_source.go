package bluelobster

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewBackupsDataSource is gpucloud_bluelobster_backups.
func NewBackupsDataSource() datasource.DataSource {
	var d clientHolder
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[backupsModel]{
		Name: "bluelobster_backups", Configure: d.configure, Doing: "listing Blue Lobster backups",
		Schema: schema.Schema{
			MarkdownDescription: "The backups of one Blue Lobster instance, oldest first.",
			Attributes: map[string]schema.Attribute{
				"instance_id": schema.StringAttribute{Required: true, MarkdownDescription: "The instance."},
				"backups": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "Its backups.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"volid": str("Backup volume ID, for restores."), "size_bytes": schema.Int64Attribute{Computed: true, MarkdownDescription: "Size in bytes."},
						"size_human": str("Size, readable."), "created_at": str("When it was taken."), "format": str("Backup format."), "notes": str("Notes."),
					}},
				},
			},
		},
		Fill: func(ctx context.Context, m *backupsModel) error {
			backups, err := d.Client.ListBackups(ctx, m.InstanceID.ValueString())
			m.Backups = backupsFromAPI(backups)
			return err
		},
	})
}
