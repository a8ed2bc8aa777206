package pending

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type spec struct {
	Name types.String `tfsdk:"name"`
	Size types.Int64  `tfsdk:"size"`
}

type model struct {
	ID       types.String  `tfsdk:"id"`
	Name     types.String  `tfsdk:"name"`
	Count    types.Int64   `tfsdk:"count"`
	Price    types.Float64 `tfsdk:"price"`
	On       types.Bool    `tfsdk:"on"`
	Tags     types.List    `tfsdk:"tags"`
	Ports    types.Object  `tfsdk:"ports"`
	Specs    []spec        `tfsdk:"specs"`
	Optional *spec         `tfsdk:"optional"`
	secret   types.String
}

func TestStateNullsEveryUnknownAndKeepsTheRest(t *testing.T) {
	portType := map[string]attr.Type{"ssh": types.Int64Type}
	plan := model{
		ID: types.StringUnknown(), Name: types.StringValue("box"), Count: types.Int64Unknown(), Price: types.Float64Unknown(),
		On: types.BoolValue(true), Tags: types.ListUnknown(types.StringType), Ports: types.ObjectUnknown(portType),
		Specs:    []spec{{Name: types.StringValue("data"), Size: types.Int64Unknown()}},
		Optional: &spec{Name: types.StringUnknown(), Size: types.Int64Value(3)},
		secret:   types.StringUnknown(),
	}
	got := State(plan)
	ctx := context.Background()
	for name, v := range map[string]attr.Value{"id": got.ID, "count": got.Count, "price": got.Price, "tags": got.Tags,
		"ports": got.Ports, "specs[0].size": got.Specs[0].Size, "optional.name": got.Optional.Name} {
		if !v.IsNull() {
			t.Errorf("%s: %v, want null", name, v)
		}
	}
	if !got.Tags.ElementType(ctx).Equal(types.StringType) || !got.Ports.Type(ctx).Equal(types.ObjectType{AttrTypes: portType}) {
		t.Errorf("nulls must keep their types: %v, %v", got.Tags.ElementType(ctx), got.Ports.Type(ctx))
	}
	if got.Name.ValueString() != "box" || !got.On.ValueBool() || got.Specs[0].Name.ValueString() != "data" || got.Optional.Size.ValueInt64() != 3 {
		t.Errorf("known values must stay: %+v", got)
	}
	if !plan.ID.IsUnknown() || !plan.Specs[0].Size.IsUnknown() || !plan.Optional.Name.IsUnknown() {
		t.Errorf("the plan itself must not change")
	}
	if !got.secret.IsUnknown() {
		t.Errorf("unexported fields are not the schema's and stay as they are")
	}
}
