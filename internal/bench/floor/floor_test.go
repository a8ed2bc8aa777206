package floor

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The floor's resource has the Verda instance's schema, and what it stores
// after a create has every value the plan left unknown made null.
func TestNoopKeepsTheInstanceSchemaAndStoresKnownValues(t *testing.T) {
	var resp resource.SchemaResponse
	(&noop{}).Schema(context.Background(), resource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() || resp.Schema.Attributes["instance_type"] == nil || resp.Schema.Attributes["volumes_on_destroy"] == nil {
		t.Fatalf("want the Verda instance's schema, got %d attributes: %v", len(resp.Schema.Attributes), resp.Diagnostics)
	}
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String, "name": tftypes.String}}
	planned := tftypes.NewValue(typ, map[string]tftypes.Value{
		"id":   tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
		"name": tftypes.NewValue(tftypes.String, "a"),
	})
	var diags diag.Diagnostics
	got := known(planned, &diags)
	var attrs map[string]tftypes.Value
	if err := got.As(&attrs); err != nil || diags.HasError() {
		t.Fatal(err, diags)
	}
	if !attrs["id"].IsKnown() || !attrs["id"].IsNull() || !attrs["name"].Equal(tftypes.NewValue(tftypes.String, "a")) {
		t.Fatalf("want id null and name kept, got %v", attrs)
	}
}
