package tensordock

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
)

type sshKeyModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	PublicKey   types.String `tfsdk:"public_key"`
	Fingerprint types.String `tfsdk:"fingerprint"`
}

// sshKeyFromAPI fills the model from a secret. TensorDock never returns a
// secret's value, so the key is the prior one (after an import, the
// configured one) and its fingerprint is computed from it.
func sshKeyFromAPI(s *api.Secret, prior sshKeyModel) sshKeyModel {
	m := prior
	m.ID, m.Name = types.StringValue(s.ID), types.StringValue(s.Name)
	if m.Fingerprint.IsNull() && !m.PublicKey.IsNull() {
		m.Fingerprint = types.StringValue(validate.SSHFingerprint(m.PublicKey.ValueString()))
	}
	return m
}

type sshKeyDataModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

func sshKeyDataFromAPI(s *api.Secret) sshKeyDataModel {
	return sshKeyDataModel{ID: types.StringValue(s.ID), Name: types.StringValue(s.Name)}
}
