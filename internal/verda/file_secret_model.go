package verda

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type fileSecretModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	Files        types.Map    `tfsdk:"files"`
	ForceDestroy types.Bool   `tfsdk:"force_destroy"`
	CreatedAt    types.String `tfsdk:"created_at"`
}

// fileSecretFromAPI fills what Verda lists; the files it never returns stay
// as they were.
func fileSecretFromAPI(s *api.Secret, prior fileSecretModel) fileSecretModel {
	m := prior
	m.ID, m.Name, m.CreatedAt = types.StringValue(s.Name), types.StringValue(s.Name), types.StringValue(s.CreatedAt)
	if m.ForceDestroy.IsNull() || m.ForceDestroy.IsUnknown() {
		m.ForceDestroy = types.BoolValue(false)
	}
	return m
}

// secretFiles is the configured files as the create body sends them, by name.
func secretFiles(ctx context.Context, files types.Map) []api.SecretFile {
	var m map[string]string
	if files.ElementsAs(ctx, &m, false).HasError() {
		return nil
	}
	out := make([]api.SecretFile, 0, len(m))
	for name, content := range m {
		out = append(out, api.SecretFile{FileName: name, Base64Content: content})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].FileName < out[j].FileName })
	return out
}
