package validate

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const ed25519Key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rSNPx9K2mWQ7lWnQvHcMGz2T1G9r0oQy8w2Zx7Uu alice@example"

func TestSSHPublicKey(t *testing.T) {
	good := []string{ed25519Key, ed25519Key + "\n", "  " + ed25519Key, strings.TrimSuffix(ed25519Key, " alice@example")}
	bad := []string{"", "ssh-ed25519", "ssh-ed25519 not-base64!", "/home/alice/.ssh/id_ed25519.pub",
		"-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----", ed25519Key + "\n" + ed25519Key}
	check := func(v string) bool {
		resp := &validator.StringResponse{}
		SSHPublicKey().ValidateString(context.Background(), validator.StringRequest{
			Path: path.Root("public_key"), ConfigValue: types.StringValue(v),
		}, resp)
		return !resp.Diagnostics.HasError()
	}
	for _, k := range good {
		if !check(k) {
			t.Errorf("rejected %q", k)
		}
	}
	for _, k := range bad {
		if check(k) {
			t.Errorf("accepted %q", k)
		}
	}
	for _, v := range []types.String{types.StringNull(), types.StringUnknown()} {
		resp := &validator.StringResponse{}
		SSHPublicKey().ValidateString(context.Background(), validator.StringRequest{ConfigValue: v}, resp)
		if resp.Diagnostics.HasError() {
			t.Errorf("null and unknown values are checked later, not refused: %v", v)
		}
	}
	if got := SSHFingerprint(ed25519Key); got != "SHA256:9EFndvM479KqYw18aWFLItjob4lSJ5v+EL7Uz3v9dOU" {
		t.Errorf("fingerprint %s", got)
	}
	if SSHFingerprint("junk") != "" {
		t.Error("no fingerprint for an invalid key")
	}
}
