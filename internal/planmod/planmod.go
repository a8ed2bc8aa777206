// Package planmod holds the plan modifiers every cloud's resources share:
// replacement that adopts an imported object's value instead of replacing
// it, case-insensitive values, and the registry note on every argument that
// replaces.
package planmod

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
)

const importedKey = "imported"

// Import is every resource's import. The import ID is the object's id; a
// resource whose id stands for other arguments names them in parts, and
// the ID then has one value per part, separated by "/", each set to its
// argument. The object is marked imported (see MarkImported).
func Import(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, parts ...string) {
	values := []string{req.ID}
	if len(parts) > 1 {
		values = strings.Split(req.ID, "/")
	}
	if len(parts) > 0 && (len(values) != len(parts) || slices.Contains(values, "")) {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import this resource by %s; got %q.", strings.Join(parts, "/"), req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	for i, part := range parts {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(part), values[i])...)
	}
	MarkImported(ctx, resp)
}

// MarkImported records in private state that the object was imported, so
// that create-only arguments the cloud never reports can be adopted from the
// configuration instead of forcing a replacement.
func MarkImported(ctx context.Context, resp *resource.ImportStateResponse) {
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, []byte(`true`))...)
}

type privateReader interface {
	GetKey(context.Context, string) ([]byte, diag.Diagnostics)
}

// adopting: an imported object whose state lacks a value the cloud does not
// report; taking the configured value changes nothing in the cloud.
func adopting(ctx context.Context, private privateReader, stateNull bool) bool {
	if !stateNull || private == nil {
		return false
	}
	v, _ := private.GetKey(ctx, importedKey)
	return string(v) == "true"
}

const replaceDesc = "Changing this replaces the object, except when it only fills in a value an import could not read."

// ReplaceOrAdoptString and the others of its family force replacement on a
// change, like RequiresReplace, except where an imported object's state
// lacks a value the cloud does not report: the configured value is then
// adopted in place, since nothing in the cloud changes.
func ReplaceOrAdoptString() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !adopting(ctx, req.Private, req.StateValue.IsNull())
	}, replaceDesc, replaceDesc)
}

func ReplaceOrAdoptBool() planmodifier.Bool {
	return boolplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.BoolRequest, resp *boolplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !adopting(ctx, req.Private, req.StateValue.IsNull())
	}, replaceDesc, replaceDesc)
}

func ReplaceOrAdoptList() planmodifier.List {
	return listplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.ListRequest, resp *listplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !adopting(ctx, req.Private, req.StateValue.IsNull())
	}, replaceDesc, replaceDesc)
}

func ReplaceOrAdoptObject() planmodifier.Object {
	return objectplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.ObjectRequest, resp *objectplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !adopting(ctx, req.Private, req.StateValue.IsNull())
	}, replaceDesc, replaceDesc)
}

func ReplaceOrAdoptMap() planmodifier.Map {
	return mapplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.MapRequest, resp *mapplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !adopting(ctx, req.Private, req.StateValue.IsNull())
	}, replaceDesc, replaceDesc)
}

// CaseInsensitive keeps the prior value when the configuration differs from
// it only in case, for values the cloud stores in its own case.
func CaseInsensitive() planmodifier.String { return caseInsensitive{} }

type caseInsensitive struct{}

func (caseInsensitive) Description(context.Context) string {
	return "A difference in case only is not a change."
}

func (m caseInsensitive) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (caseInsensitive) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.PlanValue.IsUnknown() || req.PlanValue.IsNull() || req.StateValue.IsNull() {
		return
	}
	if strings.EqualFold(req.PlanValue.ValueString(), req.StateValue.ValueString()) {
		resp.PlanValue = req.StateValue
	}
}

func ReplaceOrAdoptSet() planmodifier.Set {
	return setplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.SetRequest, resp *setplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !adopting(ctx, req.Private, req.StateValue.IsNull())
	}, replaceDesc, replaceDesc)
}

func ReplaceOrAdoptInt64() planmodifier.Int64 {
	return int64planmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.Int64Request, resp *int64planmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !adopting(ctx, req.Private, req.StateValue.IsNull())
	}, replaceDesc, replaceDesc)
}
