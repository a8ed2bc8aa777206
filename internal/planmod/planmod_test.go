package planmod

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
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
