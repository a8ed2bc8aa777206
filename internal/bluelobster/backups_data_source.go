package bluelobster

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
)

// NewBackupsDataSource is gpucloud_bluelobster_backups.
func NewBackupsDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[backupsModel]{
		Name: "bluelobster_backups", Configure: d.configure, Doing: "listing Blue Lobster backups",
		Schema: schema.Schema{
			MarkdownDescription: "The account's backups, or one instance's, oldest first. With `instance_id` they come from the " +
				"instance's list, which tells `format`; without, from the account-wide list, which tells each backup's instance " +
				"and `notes` (its path, `GET /backups`, is inferred: the document gives none).",
			Attributes: map[string]schema.Attribute{
				"instance_id": schema.StringAttribute{Optional: true, MarkdownDescription: "Only this instance's backups. Unset by default: the whole account's."},
				"notes_regex": schema.StringAttribute{
					Optional: true, Validators: []validator.String{validate.Regexp()},
					MarkdownDescription: "Only backups whose notes match this regular expression (RE2); the account-wide list tells notes, so this needs `instance_id` unset. Unset by default: all.",
				},
				"backups": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The backups.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"volid": sharedschema.ComputedString("Backup volume ID, for restores and imports."), "size_bytes": schema.Int64Attribute{Computed: true, MarkdownDescription: "Size in bytes."},
						"size_human": sharedschema.ComputedString("Size, readable."), "created_at": sharedschema.ComputedString("When it was taken."),
						"format":        sharedschema.ComputedString("Backup format; told by an instance's list only."),
						"notes":         sharedschema.ComputedString("Notes; told by the account-wide list only."),
						"instance_id":   sharedschema.ComputedString("The instance backed up."),
						"instance_name": sharedschema.ComputedString("Its name; told by the account-wide list only."),
					}},
				},
			},
		},
		Validators: []datasource.ConfigValidator{datasourcevalidator.Conflicting(path.MatchRoot("instance_id"), path.MatchRoot("notes_regex"))},
		Fill: func(ctx context.Context, m *backupsModel) error {
			if id := m.InstanceID.ValueString(); id != "" {
				backups, err := d.Client.ListBackups(ctx, id)
				m.Backups = backupsFromAPI(backups, id)
				return err
			}
			all, err := d.Client.ListAllBackups(ctx)
			m.Backups = accountBackupsFromAPI(all, m.NotesRegex)
			return err
		},
	})
}
