package validate

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// IsUUID reports whether s has the UUID shape.
func IsUUID(s string) bool { return uuidPattern.MatchString(s) }

// UUID accepts an ID in the UUID shape, for clouds whose documents define
// their IDs as UUIDs.
func UUID() validator.String { return uuidValidator{} }

type uuidValidator struct{}

func (uuidValidator) Description(context.Context) string {
	return "must be an ID such as 9e3c5a4e-6f1b-4c1e-9a7d-2b8f0c4d5e6f"
}

func (v uuidValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v uuidValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || uuidPattern.MatchString(req.ConfigValue.ValueString()) {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid ID", fmt.Sprintf("%s = %q: %s.", req.Path, req.ConfigValue.ValueString(), v.Description(ctx)))
}
