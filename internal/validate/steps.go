package validate

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Step accepts min and every value above it in steps of step, and the
// values listed in also.
func Step(min, step int64, also ...int64) validator.Int64 { return stepValidator{min, step, also} }

type stepValidator struct {
	min, step int64
	also      []int64
}

func (v stepValidator) Description(context.Context) string {
	s := fmt.Sprintf("must be %d or more, in steps of %d", v.min, v.step)
	if len(v.also) > 0 {
		others := make([]string, len(v.also))
		for i, a := range v.also {
			others[i] = fmt.Sprint(a)
		}
		s += ", or " + strings.Join(others, ", ")
	}
	return s
}

func (v stepValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v stepValidator) ValidateInt64(ctx context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	n := req.ConfigValue.ValueInt64()
	if slices.Contains(v.also, n) || n >= v.min && (n-v.min)%v.step == 0 {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid size", fmt.Sprintf("%s = %d: %s.", req.Path, n, v.Description(ctx)))
}
