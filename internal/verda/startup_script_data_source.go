package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/lookup"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// NewStartupScriptDataSource is gpucloud_verda_startup_script.
func NewStartupScriptDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[startupScriptModel]{
		Name: "verda_startup_script", Configure: d.configure, Doing: "looking up Verda startup script",
		Validators: sharedschema.LookupValidators("name"),
		Schema: schema.Schema{
			MarkdownDescription: "One startup script of the project, found by `id` or by `name`, whoever stored it.",
			Attributes: sharedschema.Lookup("startup script", "name", map[string]schema.Attribute{
				"script": schema.StringAttribute{Computed: true, MarkdownDescription: "The script."},
			}),
		},
		Fill: func(ctx context.Context, m *startupScriptModel) error {
			all, err := d.Client.ListStartupScripts(ctx)
			if err != nil {
				return err
			}
			s, err := lookup.One(all, m.ID.ValueString(), m.Name.ValueString(), lookup.Kind{What: "Verda startup script", Attr: "name"},
				func(s *api.StartupScript) (string, string) { return s.ID, s.Name })
			if err == nil {
				*m = startupScriptFromAPI(s)
			}
			return err
		},
	})
}
