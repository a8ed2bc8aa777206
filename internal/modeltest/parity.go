// Package modeltest checks a resource's or data source's model struct
// against its schema in a unit test, before any acceptance test runs: every
// tfsdk tag names a schema attribute and every attribute has a tag, at every
// level of nesting, with types the framework can convert.
package modeltest

import (
	"context"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// ResourceParity fails t unless model, a pointer to r's model struct,
// matches r's schema.
func ResourceParity(t testing.TB, r resource.Resource, model any) {
	t.Helper()
	var resp resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &resp)
	parity(t, tfsdk.State{Schema: resp.Schema}, resp.Diagnostics, model)
}

// DataSourceParity is ResourceParity for a data source.
func DataSourceParity(t testing.TB, d datasource.DataSource, model any) {
	t.Helper()
	var resp datasource.SchemaResponse
	d.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	parity(t, tfsdk.State{Schema: resp.Schema}, resp.Diagnostics, model)
}

func parity(t testing.TB, state tfsdk.State, schemaDiags diag.Diagnostics, model any) {
	t.Helper()
	if schemaDiags.HasError() {
		t.Fatalf("schema: %v", schemaDiags)
		return
	}
	ctx := context.Background()
	state.Raw = skeleton(state.Schema.Type().TerraformType(ctx))
	if d := state.Get(ctx, model); d.HasError() {
		t.Fatalf("model %T does not match the schema: %v", model, d)
	}
}

// skeleton is a value of typ whose objects are all present, with one
// element in every list, set and map of objects, so that reading it into a
// model reaches every nested struct. Primitives hold their zero values and
// collections of primitives are empty, which both framework and plain Go
// fields can hold.
func skeleton(typ tftypes.Type) tftypes.Value {
	switch t := typ.(type) {
	case tftypes.Object:
		attrs := make(map[string]tftypes.Value, len(t.AttributeTypes))
		for name, at := range t.AttributeTypes {
			attrs[name] = skeleton(at)
		}
		return tftypes.NewValue(t, attrs)
	case tftypes.List:
		return tftypes.NewValue(t, elements(t.ElementType))
	case tftypes.Set:
		return tftypes.NewValue(t, elements(t.ElementType))
	case tftypes.Map:
		if isObject(t.ElementType) {
			return tftypes.NewValue(t, map[string]tftypes.Value{"key": skeleton(t.ElementType)})
		}
		return tftypes.NewValue(t, map[string]tftypes.Value{})
	}
	switch {
	case typ.Is(tftypes.String):
		return tftypes.NewValue(typ, "")
	case typ.Is(tftypes.Number):
		return tftypes.NewValue(typ, new(big.Float))
	case typ.Is(tftypes.Bool):
		return tftypes.NewValue(typ, false)
	}
	return tftypes.NewValue(typ, nil)
}

func elements(t tftypes.Type) []tftypes.Value {
	if isObject(t) {
		return []tftypes.Value{skeleton(t)}
	}
	return []tftypes.Value{}
}

func isObject(t tftypes.Type) bool {
	_, ok := t.(tftypes.Object)
	return ok
}
