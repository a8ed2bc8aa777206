package bluelobster

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewBackupsDataSource is gpucloud_bluelobster_backups.
func NewBackupsDataSource() datasource.DataSource { return &backupsDataSource{} }

type backupsDataSource struct{ clientHolder }

func (d *backupsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_bluelobster_backups"
}

func (d *backupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
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
	}
}

func (d *backupsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *backupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	sharedschema.ReadDataSource(ctx, req, resp, "listing Blue Lobster backups", func(ctx context.Context, m *backupsModel) error {
		backups, err := d.Client.ListBackups(ctx, m.InstanceID.ValueString())
		m.Backups = backupsFromAPI(backups)
		return err
	})
}
