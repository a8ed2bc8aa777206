// Package validate holds plan-time validators shared by the clouds.
package validate

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"golang.org/x/crypto/ssh"
)

// SSHPublicKey accepts one public key in authorized_keys format.
func SSHPublicKey() validator.String { return sshPublicKey{} }

type sshPublicKey struct{}

func (sshPublicKey) Description(context.Context) string {
	return "must be one SSH public key in authorized_keys format (ssh-ed25519, ssh-rsa, ecdsa-sha2-*, sk-*)"
}

func (v sshPublicKey) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v sshPublicKey) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := ParseSSHPublicKey(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid SSH public key",
			"The value "+v.Description(ctx)+": "+err.Error()+". A private key or a file path is not accepted.")
	}
}

// ParseSSHPublicKey parses exactly one public key, allowing surrounding white space.
func ParseSSHPublicKey(s string) (ssh.PublicKey, error) {
	trimmed := strings.TrimSpace(s)
	if strings.Contains(trimmed, "PRIVATE KEY") {
		return nil, errPrivateKey
	}
	key, _, _, rest, err := ssh.ParseAuthorizedKey([]byte(trimmed))
	if err != nil {
		return nil, err
	}
	if len(strings.TrimSpace(string(rest))) > 0 {
		return nil, errSeveralKeys
	}
	return key, nil
}

type validationError string

func (e validationError) Error() string { return string(e) }

const (
	errPrivateKey  = validationError("this is a private key")
	errSeveralKeys = validationError("more than one key given")
)

// SSHFingerprint is the key's SHA256 fingerprint, as ssh-keygen -l prints it.
func SSHFingerprint(s string) string {
	key, err := ParseSSHPublicKey(s)
	if err != nil {
		return ""
	}
	return ssh.FingerprintSHA256(key)
}
