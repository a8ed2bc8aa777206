package verda

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestSecretFromAPI(t *testing.T) {
	prior := secretModel{Value: types.StringValue("s3cret"), ValueWO: types.StringValue("never kept"), ForceDestroy: types.BoolNull()}
	m := secretFromAPI(&api.Secret{Name: "hf-token", CreatedAt: "2026-12-01T00:00:00Z", SecretType: api.SecretGeneric}, prior)
	if m.ID.ValueString() != "hf-token" || m.CreatedAt.ValueString() != "2026-12-01T00:00:00Z" || m.Value.ValueString() != "s3cret" {
		t.Errorf("%+v", m)
	}
	if !m.ValueWO.IsNull() || m.ForceDestroy.ValueBool() {
		t.Errorf("the write-only value is never kept and force_destroy defaults to false: %+v", m)
	}
	all := []api.Secret{{Name: "a", SecretType: api.SecretFileType}, {Name: "a", SecretType: api.SecretGeneric}, {Name: "b"}}
	if s := findSecret(all, api.SecretGeneric, "a"); s == nil || s.SecretType != api.SecretGeneric {
		t.Errorf("a generic secret and a file secret may share a name: %+v", s)
	}
	if findSecret(all, api.SecretFileType, "b") == nil {
		t.Error("a secret whose type is not reported may be either kind")
	}
	if findSecret(all, api.SecretGeneric, "c") != nil {
		t.Error("no secret c")
	}
}

func TestSecretParity(t *testing.T) {
	modeltest.ResourceParity(t, NewSecretResource(), &secretModel{})
}
