package planmod

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// OneOf names attributes of which a new object needs exactly one; a single
// name is an attribute a new object needs.
type OneOf []string

// NeededToCreate checks, when a plan creates or replaces the object, that
// each group has exactly one attribute set. The attributes a cloud never
// reports back are optional in the schema, so that the configuration
// Terraform generates for an imported object is valid as written; a new
// object still needs them, and this says so at plan time.
func NeededToCreate(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, object string, groups ...OneOf) {
	if req.Plan.Raw.IsNull() || (!req.State.Raw.IsNull() && len(resp.RequiresReplace) == 0) {
		return
	}
	for _, group := range groups {
		var set []string
		for _, name := range group {
			var v attr.Value
			resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), &v)...)
			if v != nil && !v.IsNull() {
				set = append(set, name)
			}
		}
		switch {
		case len(set) == 1:
		case len(group) == 1:
			resp.Diagnostics.AddAttributeError(path.Root(group[0]), "Missing "+group[0],
				fmt.Sprintf("%s is needed to create a new %s. It is optional only for an imported %s, whose cloud does not report it.", group[0], object, object))
		case len(set) == 0:
			resp.Diagnostics.AddAttributeError(path.Root(group[0]), "Missing "+strings.Join(group, " or "),
				fmt.Sprintf("One of %s is needed to create a new %s.", strings.Join(group, ", "), object))
		default:
			resp.Diagnostics.AddAttributeError(path.Root(set[1]), "Conflicting "+strings.Join(set, " and "),
				fmt.Sprintf("Set only one of %s.", strings.Join(group, ", ")))
		}
	}
}
