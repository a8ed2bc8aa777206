package sharedschema

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
)

// MaxTimeout bounds every timeout: a week is longer than any cloud takes,
// and a typo such as "500h" is caught at plan.
const MaxTimeout = 7 * 24 * time.Hour

// Timeouts is the `timeouts` argument of a resource that waits for the
// cloud on create, update and delete, its defaults stated on the registry
// page.
func Timeouts(ctx context.Context, create, update, del time.Duration) schema.Attribute {
	each := func(op string, d time.Duration) string {
		return fmt.Sprintf("How long %s may wait for the cloud, as a duration such as `\"45m\"`. Defaults to `%s`.", op, duration(d))
	}
	a, _ := timeouts.Attributes(ctx, timeouts.Opts{
		Create: true, Update: true, Delete: true,
		CreateDescription: each("a create", create), UpdateDescription: each("an update", update), DeleteDescription: each("a destroy", del),
	}).(schema.SingleNestedAttribute)
	for name, attr := range a.Attributes {
		if str, ok := attr.(schema.StringAttribute); ok {
			str.Validators = append(str.Validators, validate.Duration(time.Second, MaxTimeout))
			a.Attributes[name] = str
		}
	}
	a.MarkdownDescription = fmt.Sprintf("How long to wait for the cloud: `create` (default `%s`), `update` (default `%s`) and "+
		"`delete` (default `%s`). A create that runs out leaves the object in state, tainted, so the next apply replaces it "+
		"and nothing is billed outside Terraform.", duration(create), duration(update), duration(del))
	return a
}

// duration writes 30m0s as 30m and 1h30m0s as 1h30m.
func duration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
