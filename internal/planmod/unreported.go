package planmod

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// UnreportedDefaultString and its family stand for a schema default on an
// attribute the cloud never reports. An imported object whose configuration
// leaves the attribute unset (as the configuration Terraform generates for an
// import does) keeps it null: planning the default would write into state a
// value the object may not have, through an update that changes nothing.
// Every other object gets the default when the configuration leaves it
// unset. A schema Default cannot do this: the framework applies it, and marks
// the computed attributes unknown for the difference, before any modifier.
func UnreportedDefaultString(v string) planmodifier.String {
	return unreportedDefault{str: types.StringValue(v)}
}

func UnreportedDefaultInt64(v int64) planmodifier.Int64 {
	return unreportedDefault{i64: types.Int64Value(v)}
}

func UnreportedDefaultBool(v bool) planmodifier.Bool {
	return unreportedDefault{b: types.BoolValue(v)}
}

type unreportedDefault struct {
	str types.String
	i64 types.Int64
	b   types.Bool
}

const unreportedDesc = "Defaults as described, except that an imported object keeps it unset when the configuration does, since the cloud does not report it."

func (unreportedDefault) Description(context.Context) string { return unreportedDesc }

func (unreportedDefault) MarkdownDescription(context.Context) string { return unreportedDesc }

// planned is the configured value when there is one, the imported null, or
// the default.
func planned[V attr.Value](ctx context.Context, private privateReader, config, state, plan, def V) V {
	switch {
	case !config.IsNull():
		return plan
	case adopting(ctx, private, state.IsNull()):
		return state
	}
	return def
}

func (d unreportedDefault) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	resp.PlanValue = planned(ctx, req.Private, req.ConfigValue, req.StateValue, req.PlanValue, d.str)
}

func (d unreportedDefault) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	resp.PlanValue = planned(ctx, req.Private, req.ConfigValue, req.StateValue, req.PlanValue, d.i64)
}

func (d unreportedDefault) PlanModifyBool(ctx context.Context, req planmodifier.BoolRequest, resp *planmodifier.BoolResponse) {
	resp.PlanValue = planned(ctx, req.Private, req.ConfigValue, req.StateValue, req.PlanValue, d.b)
}
