package verda

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
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

// createNamed creates an object Verda knows by its name alone. When the
// answer is lost, the name, absent before and listed after, is the proof.
func createNamed(ctx context.Context, kind adopt.Kind, name string, names func(context.Context) ([]string, error), create func(context.Context) error) error {
	kind.Matching = func(ctx context.Context, _ bool) ([]adopt.Candidate, error) {
		all, err := names(ctx)
		var out []adopt.Candidate
		for _, n := range all {
			if n == name {
				out = append(out, adopt.Candidate{ID: n, Name: n})
			}
		}
		return out, err
	}
	_, err := adopt.Create(ctx, kind, func(ctx context.Context) (string, error) { return name, create(ctx) })
	return err
}

// deleteInUse explains a delete Verda refused because something uses the
// object, as force_destroy can override.
func deleteInUse(what string, err error) error {
	if transport.IsConflict(err) {
		return fmt.Errorf("%w. Remove %s from what uses it first, or set force_destroy = true to delete it anyway", err, what)
	}
	return err
}
