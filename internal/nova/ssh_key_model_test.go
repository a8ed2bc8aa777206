package nova

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
)

func TestSSHKeyFromAPI(t *testing.T) {
	k := &api.SSHKey{ID: "k-1", Label: "renamed", KeyType: "ssh-ed25519", Fingerprint: "SHA256:abc", CreatedAt: "2026-12-01T00:00:00Z"}
	got := sshKeyFromAPI(k, sshKeyModel{Label: types.StringValue("laptop"), PublicKey: types.StringValue("ssh-ed25519 AAAA laptop\n")})
	if got.PublicKey.ValueString() != "ssh-ed25519 AAAA laptop\n" {
		t.Errorf("the key, which Nova does not return, keeps the configured spelling: %q", got.PublicKey.ValueString())
	}
	if got.Label.ValueString() != "renamed" || got.ID.ValueString() != "k-1" || got.Fingerprint.ValueString() != "SHA256:abc" ||
		got.KeyType.ValueString() != "ssh-ed25519" {
		t.Errorf("reported values, drift included: %+v", got)
	}
}

func TestSSHKeyParity(t *testing.T) { modeltest.ResourceParity(t, NewSSHKeyResource(), &sshKeyModel{}) }

func TestSSHKeyDataFromAPI(t *testing.T) {
	m := sshKeyDataFromAPI(&api.SSHKey{ID: "k-1", Label: "laptop", KeyType: "ssh-ed25519", Fingerprint: "SHA256:abc", CreatedAt: "2026-01-01T00:00:00Z"})
	if m.ID.ValueString() != "k-1" || m.Label.ValueString() != "laptop" || m.KeyType.ValueString() != "ssh-ed25519" ||
		m.Fingerprint.ValueString() != "SHA256:abc" || m.CreatedAt.ValueString() != "2026-01-01T00:00:00Z" {
		t.Errorf("%+v", m)
	}
}

func TestSSHKeyDataSourceParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewSSHKeyDataSource(), &sshKeyDataModel{})
}
