package verda

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type sshKeyModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	PublicKey   types.String `tfsdk:"public_key"`
	Fingerprint types.String `tfsdk:"fingerprint"`
}

// sshKeyFromAPI keeps the key as the user wrote it when Verda stores the same
// key with different surrounding white space.
func sshKeyFromAPI(k *api.SSHKey, prior sshKeyModel) sshKeyModel {
	m := sshKeyModel{
		ID:          types.StringValue(k.ID),
		Name:        types.StringValue(k.Name),
		PublicKey:   types.StringValue(k.Key),
		Fingerprint: types.StringValue(validate.SSHFingerprint(k.Key)),
	}
	if !prior.PublicKey.IsNull() && strings.TrimSpace(prior.PublicKey.ValueString()) == strings.TrimSpace(k.Key) {
		m.PublicKey = prior.PublicKey
	}
	return m
}
