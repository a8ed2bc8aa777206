package tensordock

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/lookup"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

// NewSSHKeyDataSource is gpucloud_tensordock_ssh_key.
func NewSSHKeyDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[sshKeyDataModel]{
		Name: "tensordock_ssh_key", Configure: d.configure, Doing: "looking up TensorDock SSH key",
		Validators: sharedschema.LookupValidators("name"),
		Schema: schema.Schema{
			MarkdownDescription: "One SSH key (a secret of type `SSHKEY`) of the organisation, found by `id` or by `name`, whoever " +
				"stored it; its `id` goes into `gpucloud_tensordock_instance.ssh_key_id`. TensorDock never returns a secret's value, " +
				"so the public key itself is not told.",
			Attributes: sharedschema.Lookup("SSH key", "name", nil),
		},
		Fill: func(ctx context.Context, m *sshKeyDataModel) error {
			all, err := d.Client.ListSSHKeys(ctx)
			if err != nil {
				return err
			}
			k, err := lookup.One(all, m.ID.ValueString(), m.Name.ValueString(), lookup.Kind{What: "TensorDock SSH key", Attr: "name"},
				func(k *api.Secret) (string, string) { return k.ID, k.Name })
			if err == nil {
				*m = sshKeyDataFromAPI(k)
			}
			return err
		},
	})
}
