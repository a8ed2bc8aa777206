// Package pending builds the state a create saves the moment the cloud
// names the new object, before it waits for the object to be ready: the
// plan with every value not yet known set to null, which Terraform accepts
// in state, so that an object whose wait fails is kept (tainted) instead of
// billed outside state.
package pending

import (
	"context"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var valueType = reflect.TypeFor[attr.Value]()

// State returns model, a resource's plan struct, with every unknown value in
// it, nested structs and lists of structs included, replaced by a null of
// the same type.
func State[T any](model T) T {
	v := reflect.ValueOf(&model).Elem()
	nullUnknowns(v)
	return model
}

func nullUnknowns(v reflect.Value) {
	switch {
	case v.Type().Implements(valueType):
		if val := v.Interface().(attr.Value); val.IsUnknown() && v.CanSet() {
			v.Set(reflect.ValueOf(null(val)))
		}
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				nullUnknowns(v.Field(i))
			}
		}
	case v.Kind() == reflect.Slice && !v.IsNil() && v.CanSet():
		// A copy, so that the plan the slice came from keeps its values.
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		for i := range c.Len() {
			nullUnknowns(c.Index(i))
		}
		v.Set(c)
	case v.Kind() == reflect.Pointer && !v.IsNil() && v.CanSet():
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(v.Elem())
		nullUnknowns(c.Elem())
		v.Set(c)
	}
}

// null is the null value of val's type, custom types included.
func null(val attr.Value) attr.Value {
	ctx := context.Background()
	typ := val.Type(ctx)
	n, err := typ.ValueFromTerraform(ctx, tftypes.NewValue(typ.TerraformType(ctx), nil))
	if err != nil {
		// Every framework type builds its null; a custom type that cannot
		// is a programming error the parity and acceptance tests catch.
		panic(err)
	}
	return n
}
