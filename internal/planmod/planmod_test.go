package planmod

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

type fakePrivate map[string][]byte

func (p fakePrivate) GetKey(_ context.Context, k string) ([]byte, diag.Diagnostics) { return p[k], nil }

// An imported object adopts a configured value its state lacks; any other
// change replaces, as RequiresReplace does.
func TestAdopting(t *testing.T) {
	ctx := context.Background()
	imported := fakePrivate{importedKey: []byte("true")}
	for _, tc := range []struct {
		priv      privateReader
		stateNull bool
		want      bool
	}{
		{imported, true, true},
		{imported, false, false},
		{fakePrivate{}, true, false},
		{nil, true, false},
	} {
		if got := adopting(ctx, tc.priv, tc.stateNull); got != tc.want {
			t.Errorf("adopting(%v, %v) = %v", tc.priv, tc.stateNull, got)
		}
	}
}

func TestNoteReplacements(t *testing.T) {
	ctx := context.Background()
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"name":   schema.StringAttribute{Required: true, MarkdownDescription: "Name.", PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		"key":    schema.StringAttribute{Required: true, MarkdownDescription: "Key.", PlanModifiers: []planmodifier.String{ReplaceOrAdoptString()}},
		"said":   schema.StringAttribute{Required: true, MarkdownDescription: "Replaces the box when changed.", PlanModifiers: []planmodifier.String{ReplaceOrAdoptString()}},
		"status": schema.StringAttribute{Computed: true, MarkdownDescription: "Status."},
		"nested": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Nested.", Attributes: map[string]schema.Attribute{
			"inner": schema.StringAttribute{Optional: true, MarkdownDescription: "Inner.", PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		}},
	}}
	NoteReplacements(ctx, &s, "box")
	for name, want := range map[string]string{"name": "Name. Changing it replaces the box.", "key": "Key. Changing it replaces the box.",
		"said": "Replaces the box when changed.", "status": "Status."} {
		if got := s.Attributes[name].GetMarkdownDescription(); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	inner := s.Attributes["nested"].(schema.SingleNestedAttribute).Attributes["inner"].GetMarkdownDescription()
	if !strings.HasSuffix(inner, "Changing it replaces the box.") {
		t.Errorf("nested: %q", inner)
	}
}

func TestImport(t *testing.T) {
	ctx := context.Background()
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"id":          schema.StringAttribute{Computed: true},
		"instance_id": schema.StringAttribute{Required: true},
		"ip_address":  schema.StringAttribute{Computed: true},
	}}
	run := func(id string, parts ...string) (*resource.ImportStateResponse, map[string]tftypes.Value) {
		resp := &resource.ImportStateResponse{State: tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), nil)}}
		// The framework's private state type is internal; the zero value it
		// gives an import is what the framework passes too.
		private := reflect.ValueOf(resp).Elem().FieldByName("Private")
		private.Set(reflect.New(private.Type().Elem()))
		Import(ctx, resource.ImportStateRequest{ID: id}, resp, parts...)
		got := map[string]tftypes.Value{}
		if !resp.Diagnostics.HasError() {
			if err := resp.State.Raw.As(&got); err != nil {
				t.Fatal(err)
			}
		}
		return resp, got
	}
	str := func(v tftypes.Value) string {
		var s string
		_ = v.As(&s)
		return s
	}
	resp, got := run("vm-1/192.0.2.10", "instance_id", "ip_address")
	if resp.Diagnostics.HasError() || str(got["id"]) != "vm-1/192.0.2.10" || str(got["instance_id"]) != "vm-1" || str(got["ip_address"]) != "192.0.2.10" {
		t.Fatalf("composite ID: %v %v", resp.Diagnostics, got)
	}
	if b, _ := resp.Private.GetKey(ctx, importedKey); string(b) != "true" {
		t.Errorf("an import must be marked imported")
	}
	if _, got = run("vm-1", "instance_id"); str(got["id"]) != "vm-1" || str(got["instance_id"]) != "vm-1" {
		t.Errorf("an ID that is another argument's value sets both: %v", got)
	}
	if _, got = run("key-1"); str(got["id"]) != "key-1" || !got["instance_id"].IsNull() {
		t.Errorf("plain ID: %v", got)
	}
	for _, bad := range []string{"vm-1", "vm-1/", "/192.0.2.10", "a/b/c"} {
		resp, _ := run(bad, "instance_id", "ip_address")
		if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics[0].Detail(), "instance_id/ip_address") {
			t.Errorf("%q must be refused, naming the form: %v", bad, resp.Diagnostics)
		}
	}
}

func TestUnreportedDefault(t *testing.T) {
	ctx := context.Background()
	imported := fakePrivate{importedKey: []byte("true")}
	null, def, set := types.Int64Null(), types.Int64Value(60), types.Int64Value(80)
	for _, tc := range []struct {
		name                string
		private             privateReader
		config, state, want types.Int64
	}{
		{"configured", nil, set, null, set},
		{"new object", nil, null, null, def},
		{"imported, unreported", imported, null, null, null},
		{"imported, then configured", imported, set, null, set},
		{"known object back to the default", nil, null, set, def},
	} {
		if got := planned(ctx, tc.private, tc.config, tc.state, tc.config, def); !got.Equal(tc.want) {
			t.Errorf("%s: planned %s, want %s", tc.name, got, tc.want)
		}
	}
}
