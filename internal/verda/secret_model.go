package verda

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type secretModel struct {
	ID             types.String `tfsdk:"id"`
	Name           types.String `tfsdk:"name"`
	Value          types.String `tfsdk:"value"`
	ValueWO        types.String `tfsdk:"value_wo"`
	ValueWOVersion types.Int64  `tfsdk:"value_wo_version"`
	ForceDestroy   types.Bool   `tfsdk:"force_destroy"`
	CreatedAt      types.String `tfsdk:"created_at"`
}

// secretFromAPI fills what Verda lists; the value it never returns stays as
// it was, and the write-only form is never kept.
func secretFromAPI(s *api.Secret, prior secretModel) secretModel {
	m := prior
	m.ID, m.Name, m.CreatedAt = types.StringValue(s.Name), types.StringValue(s.Name), types.StringValue(s.CreatedAt)
	m.ValueWO = types.StringNull()
	if m.ForceDestroy.IsNull() || m.ForceDestroy.IsUnknown() {
		m.ForceDestroy = types.BoolValue(false)
	}
	return m
}

// findSecret is the secret of this kind named name, or nil.
func findSecret(all []api.Secret, kind, name string) *api.Secret {
	for i := range all {
		// A secret whose type is not reported may be either kind.
		if all[i].Name == name && (all[i].SecretType == "" || all[i].SecretType == kind) {
			return &all[i]
		}
	}
	return nil
}
