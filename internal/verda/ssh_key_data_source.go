package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/lookup"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// NewSSHKeyDataSource is gpucloud_verda_ssh_key.
func NewSSHKeyDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[sshKeyModel]{
		Name: "verda_ssh_key", Configure: d.configure, Doing: "looking up Verda SSH key",
		Validators: sharedschema.LookupValidators("name"),
		Schema: schema.Schema{
			MarkdownDescription: "One SSH key of the project, found by `id` or by `name`, whoever stored it: for keys made before Terraform.",
			Attributes: sharedschema.Lookup("SSH key", "name", map[string]schema.Attribute{
				"public_key":  schema.StringAttribute{Computed: true, MarkdownDescription: "The public key, as Verda stores it."},
				"fingerprint": schema.StringAttribute{Computed: true, MarkdownDescription: "SHA256 fingerprint of the key."},
			}),
		},
		Fill: func(ctx context.Context, m *sshKeyModel) error {
			all, err := d.Client.ListSSHKeys(ctx)
			if err != nil {
				return err
			}
			k, err := lookup.One(all, m.ID.ValueString(), m.Name.ValueString(), lookup.Kind{What: "Verda SSH key", Attr: "name"},
				func(k *api.SSHKey) (string, string) { return k.ID, k.Name })
			if err == nil {
				*m = sshKeyFromAPI(k, sshKeyModel{})
			}
			return err
		},
	})
}
