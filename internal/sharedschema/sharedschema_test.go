package sharedschema

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestTimeoutsStateTheirDefaults(t *testing.T) {
	a := Timeouts(context.Background(), 30*time.Minute, 90*time.Minute, 45*time.Second).(schema.SingleNestedAttribute)
	want := "How long to wait for the cloud: `create` (default `30m`), `update` (default `1h30m`) and `delete` (default `45s`)."
	if got := a.MarkdownDescription; len(got) < len(want) || got[:len(want)] != want {
		t.Fatalf("description %q", got)
	}
	if got := a.Attributes["create"].GetDescription(); got != "How long a create may wait for the cloud, as a duration such as `\"45m\"`. Defaults to `30m`." {
		t.Fatalf("create: %q", got)
	}
}

func TestPasswordValue(t *testing.T) {
	stored := Passwords{Password: types.StringValue("stored"), WO: types.StringNull()}
	writeOnly := Passwords{Password: types.StringNull(), WO: types.StringValue("write-only")}
	if got := stored.Value(stored); got != "stored" {
		t.Errorf("stored: %q", got)
	}
	// A write-only value is only in the configuration, never in the plan.
	if got := (Passwords{Password: types.StringNull(), WO: types.StringNull()}).Value(writeOnly); got != "write-only" {
		t.Errorf("write-only: %q", got)
	}
	if !writeOnly.Set() || !stored.Set() || (Passwords{Password: types.StringNull(), WO: types.StringNull()}).Set() {
		t.Error("Set")
	}
	if writeOnly.Stored().WO.ValueString() != "" {
		t.Error("state never keeps the write-only value")
	}
}
