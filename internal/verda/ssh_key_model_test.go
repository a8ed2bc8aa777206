package verda

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

const key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rSNPx9K2mWQ7lWnQvHcMGz2T1G9r0oQy8w2Zx7Uu alice@example"

func TestSSHKeyFromAPI(t *testing.T) {
	k := &api.SSHKey{ID: "id-1", Name: "alice", Key: key}
	imported := sshKeyFromAPI(k, sshKeyModel{PublicKey: types.StringNull()})
	if imported.PublicKey.ValueString() != key || imported.Name.ValueString() != "alice" || imported.ID.ValueString() != "id-1" {
		t.Fatalf("import: %+v", imported)
	}
	if imported.Fingerprint.ValueString() != "SHA256:9EFndvM479KqYw18aWFLItjob4lSJ5v+EL7Uz3v9dOU" {
		t.Fatalf("fingerprint %s", imported.Fingerprint.ValueString())
	}
	withNewline := sshKeyFromAPI(k, sshKeyModel{PublicKey: types.StringValue(key + "\n")})
	if withNewline.PublicKey.ValueString() != key+"\n" {
		t.Fatal("a key differing only in surrounding white space must keep the configured value")
	}
	changed := sshKeyFromAPI(k, sshKeyModel{PublicKey: types.StringValue("ssh-ed25519 AAAAother")})
	if changed.PublicKey.ValueString() != key {
		t.Fatal("a different key in the cloud must show as drift")
	}
}

func TestSSHKeyParity(t *testing.T) { modeltest.ResourceParity(t, NewSSHKeyResource(), &sshKeyModel{}) }

func TestSSHKeyDataSourceParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewSSHKeyDataSource(), &sshKeyModel{})
}
