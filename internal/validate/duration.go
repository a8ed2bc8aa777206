package validate

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Duration accepts a Go duration ("90s", "1m30s") between min and max.
func Duration(min, max time.Duration) validator.String { return duration{min, max} }

type duration struct{ min, max time.Duration }

func (v duration) Description(context.Context) string {
	return fmt.Sprintf("must be a duration such as \"30s\" or \"2m\", from %s to %s", v.min, v.max)
}

func (v duration) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v duration) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d, err := time.ParseDuration(req.ConfigValue.ValueString())
	if err != nil || d < v.min || d > v.max {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("%s = %q: %s.", req.Path, req.ConfigValue.ValueString(), v.Description(ctx)))
	}
}
