package verda

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestFileSecretFromAPI(t *testing.T) {
	files := types.MapValueMust(types.StringType, map[string]attr.Value{"b.pem": types.StringValue("Yg=="), "a.pem": types.StringValue("YQ==")})
	m := fileSecretFromAPI(&api.Secret{Name: "certs", CreatedAt: "2026-12-01T00:00:00Z"}, fileSecretModel{Files: files})
	if m.ID.ValueString() != "certs" || !m.Files.Equal(files) || m.ForceDestroy.ValueBool() {
		t.Errorf("the files Verda never returns stay as configured: %+v", m)
	}
	want := []api.SecretFile{{FileName: "a.pem", Base64Content: "YQ=="}, {FileName: "b.pem", Base64Content: "Yg=="}}
	if got := secretFiles(context.Background(), files); !reflect.DeepEqual(got, want) {
		t.Errorf("the create body sends the files by name: %+v", got)
	}
}

func TestFileSecretParity(t *testing.T) {
	modeltest.ResourceParity(t, NewFileSecretResource(), &fileSecretModel{})
}
