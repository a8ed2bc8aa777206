package tensordock

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

const key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rSNPx9K2mWQ7lWnQvHcMGz2T1G9r0oQy8w2Zx7Uu alice@example"

func TestSSHKeyFromAPI(t *testing.T) {
	secret := &api.Secret{ID: "s-1", Name: "renamed"}
	got := sshKeyFromAPI(secret, sshKeyModel{Name: types.StringValue("laptop"), PublicKey: types.StringValue(key + "\n"),
		Fingerprint: types.StringValue("SHA256:kept")})
	if got.Name.ValueString() != "renamed" || got.ID.ValueString() != "s-1" {
		t.Errorf("a renamed secret is drift: %+v", got)
	}
	if got.PublicKey.ValueString() != key+"\n" || got.Fingerprint.ValueString() != "SHA256:kept" {
		t.Errorf("the key TensorDock never returns keeps its configured spelling: %+v", got)
	}
	// After an import the key comes from the configuration; its fingerprint is computed.
	imported := sshKeyFromAPI(secret, sshKeyModel{PublicKey: types.StringValue(key), Fingerprint: types.StringNull()})
	if imported.Fingerprint.ValueString() != "SHA256:9EFndvM479KqYw18aWFLItjob4lSJ5v+EL7Uz3v9dOU" {
		t.Errorf("fingerprint %s", imported.Fingerprint)
	}
	if bare := sshKeyFromAPI(secret, sshKeyModel{PublicKey: types.StringNull(), Fingerprint: types.StringNull()}); !bare.Fingerprint.IsNull() {
		t.Errorf("no key, no fingerprint: %s", bare.Fingerprint)
	}
}

func TestSSHKeyParity(t *testing.T) { modeltest.ResourceParity(t, NewSSHKeyResource(), &sshKeyModel{}) }

func TestSSHKeyDataFromAPI(t *testing.T) {
	m := sshKeyDataFromAPI(&api.Secret{ID: "s-1", Name: "laptop", Type: "SSHKEY"})
	if m.ID.ValueString() != "s-1" || m.Name.ValueString() != "laptop" {
		t.Errorf("%+v", m)
	}
}

func TestSSHKeyDataSourceParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewSSHKeyDataSource(), &sshKeyDataModel{})
}
