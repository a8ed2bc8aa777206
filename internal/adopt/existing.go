package adopt

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Creating returns the value of the string attribute attr of an object the
// plan creates, when it is known.
func Creating(ctx context.Context, req resource.ModifyPlanRequest, attr string) (string, bool) {
	if !req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return "", false
	}
	var v types.String
	if req.Plan.GetAttribute(ctx, path.Root(attr), &v).HasError() || v.IsUnknown() || v.IsNull() {
		return "", false
	}
	return v.ValueString(), true
}

// WarnExisting warns, on a plan that creates an object, about objects that
// already bear its name (attr): left by an apply that was killed before it
// could save them, or another configuration's. The provider cannot see other
// states, so the warning names them and the import block that takes one
// over, and never calls them orphans. named lists them; a failure to list
// only loses the warning.
func WarnExisting(ctx context.Context, diags *diag.Diagnostics, attr path.Path, resource, what string, named func(context.Context) ([]Candidate, error)) {
	warnExisting(ctx, diags, attr, resource, what, named, "Applying creates another one beside it.")
}

// WarnNameTaken is WarnExisting for kinds the cloud knows by their name
// alone: while the name is taken, the create is refused, unless this plan
// destroys the object first.
func WarnNameTaken(ctx context.Context, diags *diag.Diagnostics, attr path.Path, resource, what string, named func(context.Context) ([]Candidate, error)) {
	warnExisting(ctx, diags, attr, resource, what, named,
		"The cloud keeps this name unique, so applying fails while it exists, unless this plan destroys it first.")
}

func warnExisting(ctx context.Context, diags *diag.Diagnostics, attr path.Path, resource, what string, named func(context.Context) ([]Candidate, error), effect string) {
	lookup, cancel := context.WithTimeout(ctx, LookupTimeout)
	defer cancel()
	existing, err := named(lookup)
	if err != nil {
		tflog.Debug(ctx, "could not look for existing objects of the same name", map[string]any{"object": what, "error": err.Error()})
		return
	}
	if len(existing) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "The account already holds the same kind of object with this %s:\n", attr)
	for _, c := range existing {
		fmt.Fprintf(&b, "  - %s\n", c.Describe())
	}
	b.WriteString("\nEach may be left from an interrupted apply, or belong to another configuration. " + effect + " " +
		"If one is this resource's, take it over instead (NAME is this resource's name, as in the address above):\n")
	for _, c := range existing {
		b.WriteString(ImportBlock(resource, c.ID))
	}
	diags.AddAttributeWarning(attr, what+" already exists", b.String())
}
