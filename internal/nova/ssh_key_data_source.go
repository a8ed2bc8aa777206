package nova

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/lookup"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewSSHKeyDataSource is gpucloud_nova_ssh_key.
func NewSSHKeyDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[sshKeyDataModel]{
		Name: "nova_ssh_key", Configure: d.configure, Doing: "looking up Nova Cloud SSH key",
		Validators: sharedschema.LookupValidators("label"),
		Schema: schema.Schema{
			MarkdownDescription: "One SSH key of the account, found by `id` or by `label`, whoever stored it; its `id` goes into " +
				"`gpucloud_nova_instance.ssh_key_id`. Nova does not return the public key itself.",
			Attributes: sharedschema.Lookup("SSH key", "label", map[string]schema.Attribute{
				"fingerprint": sharedschema.ComputedString("The key's fingerprint, as Nova reports it."),
				"key_type":    sharedschema.ComputedString("Key type, such as `ssh-ed25519`."),
				"created_at":  sharedschema.ComputedString("Creation time."),
			}),
		},
		Fill: func(ctx context.Context, m *sshKeyDataModel) error {
			all, err := d.Client.ListSSHKeys(ctx)
			if err != nil {
				return err
			}
			k, err := lookup.One(all, m.ID.ValueString(), m.Label.ValueString(), lookup.Kind{What: "Nova Cloud SSH key", Attr: "label"},
				func(k *api.SSHKey) (string, string) { return k.ID, k.Label })
			if err == nil {
				*m = sshKeyDataFromAPI(k)
			}
			return err
		},
	})
}
