package crud

import (
	"context"
	"errors"
	"math/big"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

type model struct {
	ID     types.String `tfsdk:"id"`
	Status types.String `tfsdk:"status"`
}

type object struct{ status string }

var testSchema = schema.Schema{Attributes: map[string]schema.Attribute{
	"id": schema.StringAttribute{Computed: true}, "status": schema.StringAttribute{Computed: true},
}}

func stateOf(id string) tfsdk.State {
	typ := testSchema.Type().TerraformType(context.Background())
	return tfsdk.State{Schema: testSchema, Raw: tftypes.NewValue(typ, map[string]tftypes.Value{
		"id": tftypes.NewValue(tftypes.String, id), "status": tftypes.NewValue(tftypes.String, nil),
	})}
}

func reader(obj *object, err error) Reader[model, object] {
	return Reader[model, object]{
		What: func(m model) string { return "test object " + m.ID.ValueString() },
		Read: func(context.Context, model) (*object, error) { return obj, err },
		Gone: func(o *object) bool { return o.status == "deleted" },
		FromAPI: func(o *object, m model) model {
			m.Status = types.StringValue(o.status)
			return m
		},
	}
}

func TestRead(t *testing.T) {
	ctx := context.Background()
	read := func(r Reader[model, object]) *resource.ReadResponse {
		resp := &resource.ReadResponse{State: stateOf("x-1")}
		Read(ctx, resource.ReadRequest{State: stateOf("x-1")}, resp, r)
		return resp
	}
	resp := read(reader(&object{status: "running"}, nil))
	var got model
	resp.State.Get(ctx, &got)
	if resp.Diagnostics.HasError() || got.Status.ValueString() != "running" || got.ID.ValueString() != "x-1" {
		t.Errorf("a found object is saved as the cloud reports it: %+v %v", got, resp.Diagnostics)
	}
	for name, r := range map[string]Reader[model, object]{
		"404":     reader(nil, &transport.APIError{Status: 404}),
		"deleted": reader(&object{status: "deleted"}, nil),
	} {
		if resp := read(r); !resp.State.Raw.IsNull() || resp.Diagnostics.HasError() {
			t.Errorf("%s: an object the cloud no longer has is removed from state: %v", name, resp.Diagnostics)
		}
	}
	resp = read(reader(nil, errors.New("boom")))
	if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics[0].Summary()+resp.Diagnostics[0].Detail(), "test object x-1") || resp.State.Raw.IsNull() {
		t.Errorf("a failed read is an error naming the object, and the state stays: %v", resp.Diagnostics)
	}
}

// An object read back as it was in state is not written again: the
// framework's response already holds the prior state.
func TestReadLeavesAnUnchangedStateAlone(t *testing.T) {
	ctx := context.Background()
	unchanged := reader(&object{}, nil)
	unchanged.FromAPI = func(_ *object, m model) model { return m }
	resp := &resource.ReadResponse{State: stateOf("as-the-framework-passed-it")}
	Read(ctx, resource.ReadRequest{State: stateOf("x-1")}, resp, unchanged)
	var got model
	resp.State.Get(ctx, &got)
	if resp.Diagnostics.HasError() || got.ID.ValueString() != "as-the-framework-passed-it" {
		t.Errorf("an unchanged object was written back: %+v %v", got, resp.Diagnostics)
	}
}

func TestSame(t *testing.T) {
	type nested struct {
		Price types.Float64 `tfsdk:"price"`
	}
	type m struct {
		Name  types.String `tfsdk:"name"`
		Tags  types.List   `tfsdk:"tags"`
		Inner *nested      `tfsdk:"inner"`
		Rules []nested     `tfsdk:"rules"`
	}
	// cty keeps "3.17" from the state file at 512 bits, not as float64's 3.17.
	fromState, _, _ := big.ParseFloat("3.17", 10, 512, big.ToNearestEven)
	base := func() m {
		return m{
			Name:  types.StringValue("a"),
			Tags:  types.ListValueMust(types.StringType, []attr.Value{types.StringValue("x")}),
			Inner: &nested{Price: types.Float64Value(3.17)},
			Rules: []nested{{Price: types.Float64Value(1)}},
		}
	}
	read, err := types.Float64Type.ValueFromTerraform(context.Background(), tftypes.NewValue(tftypes.Number, fromState))
	if err != nil {
		t.Fatal(err)
	}
	a, b := base(), base()
	b.Inner = &nested{Price: read.(types.Float64)}
	if !same(reflect.ValueOf(a), reflect.ValueOf(b)) || !same(reflect.ValueOf(a), reflect.ValueOf(base())) {
		t.Errorf("equal models differ: a price read from state is the price")
	}
	for name, change := range map[string]func(*m){
		"string": func(x *m) { x.Name = types.StringValue("b") },
		"list":   func(x *m) { x.Tags = types.ListNull(types.StringType) },
		"nil":    func(x *m) { x.Inner = nil },
		"slice":  func(x *m) { x.Rules = nil },
		"number": func(x *m) { x.Inner = &nested{Price: types.Float64Value(3.18)} },
	} {
		c := base()
		change(&c)
		if same(reflect.ValueOf(a), reflect.ValueOf(c)) {
			t.Errorf("%s: a changed model counts as the same", name)
		}
	}
}

func TestGetStopsOnAFailedGet(t *testing.T) {
	var diags diag.Diagnostics
	if _, ok := Get[model](context.Background(), stateOf("x-1"), &diags); !ok {
		t.Fatalf("a good state: %v", diags)
	}
	type wrong struct {
		ID types.Int64 `tfsdk:"id"`
	}
	if _, ok := Get[wrong](context.Background(), stateOf("x-1"), &diags); ok || !diags.HasError() {
		t.Error("a model that does not fit must stop the method")
	}
}

func TestWithin(t *testing.T) {
	var diags diag.Diagnostics
	configured := func(context.Context, time.Duration) (time.Duration, diag.Diagnostics) { return time.Minute, nil }
	ctx, cancel := Within(context.Background(), configured, time.Hour, &diags)
	defer cancel()
	if deadline, ok := ctx.Deadline(); !ok || time.Until(deadline) > time.Minute {
		t.Errorf("the configured timeout bounds the work: %v", deadline)
	}
	unset := func(_ context.Context, def time.Duration) (time.Duration, diag.Diagnostics) { return def, nil }
	ctx, cancel = Within(context.Background(), unset, time.Hour, &diags)
	defer cancel()
	if deadline, _ := ctx.Deadline(); time.Until(deadline) < 59*time.Minute {
		t.Errorf("without one, the default: %v", deadline)
	}
}

func TestDelete(t *testing.T) {
	ctx := context.Background()
	for name, tc := range map[string]struct {
		del, gone error
		waits     bool
		fails     bool
	}{
		"deleted and gone":         {nil, nil, true, false},
		"already gone":             {&transport.APIError{Status: 404}, nil, false, false},
		"refused":                  {errors.New("refused"), nil, false, true},
		"never gone":               {nil, errors.New("timed out"), true, true},
		"deleted, nothing to wait": {nil, nil, false, false},
	} {
		var diags diag.Diagnostics
		waited := false
		var gone func(context.Context) error
		if name != "deleted, nothing to wait" {
			gone = func(context.Context) error { waited = true; return tc.gone }
		}
		Delete(ctx, &diags, "test object x-1", func(context.Context) error { return tc.del }, gone)
		if waited != tc.waits || diags.HasError() != tc.fails {
			t.Errorf("%s: waited %v, failed %v (%v)", name, waited, diags.HasError(), diags)
		}
	}
}
