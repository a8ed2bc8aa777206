package sharedschema

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

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
