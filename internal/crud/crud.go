// Package crud holds the steps every resource's CRUD methods take in the
// same way, so that a method says only what is its own: get the plan or
// state, bound the work by the resource's timeouts, read the object back
// and forget it once the cloud no longer knows it, delete and wait until
// it is gone.
package crud

import (
	"context"
	"reflect"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Source is what a model is read from: a request's plan, state or config.
type Source interface {
	Get(context.Context, any) diag.Diagnostics
}

// Get reads the model of type M from src; ok is false when that failed, and
// the method must return.
func Get[M any](ctx context.Context, src Source, diags *diag.Diagnostics) (m M, ok bool) {
	diags.Append(src.Get(ctx, &m)...)
	return m, !diags.HasError()
}

// Timeout is one operation's timeout of the timeouts argument, such as
// timeouts.Value.Create.
type Timeout func(context.Context, time.Duration) (time.Duration, diag.Diagnostics)

// Within bounds ctx by the configured timeout, or def when none is set.
func Within(ctx context.Context, timeout Timeout, def time.Duration, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	d, problems := timeout(ctx, def)
	diags.Append(problems...)
	return context.WithTimeout(ctx, d)
}

// Reader is how Read reads one kind of object.
type Reader[M, O any] struct {
	// What names the object in errors, such as "Nova Cloud VM 123".
	What func(M) string
	Read func(context.Context, M) (*O, error)
	// Gone, when set, tells an object the cloud still lists but has deleted.
	Gone    func(*O) bool
	FromAPI func(*O, M) M
}

// Read is a resource's Read: an object the cloud no longer knows is removed
// from state, so that the next plan creates it again.
func Read[M, O any](ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse, r Reader[M, O]) {
	state, ok := Get[M](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	obj, err := r.Read(ctx, state)
	if transport.IsNotFound(err) || err == nil && r.Gone != nil && r.Gone(obj) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+r.What(state), err))
		return
	}
	read := r.FromAPI(obj, state)
	// resp.State holds the prior state already; writing an unchanged model
	// back would cost a walk of the schema per object, most of a refresh's
	// CPU in a plan of many objects.
	if same(reflect.ValueOf(read), reflect.ValueOf(state)) {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, read)...)
}

// same reports whether two models hold the same values, comparing
// framework values by their own Equal, and floats as float64s (a number read
// from state and the same number from an answer differ in precision, not in
// value). Anything it cannot compare counts as different.
func same(a, b reflect.Value) bool {
	if a.Type() != b.Type() || !a.CanInterface() {
		return false
	}
	if af, ok := a.Interface().(basetypes.Float64Value); ok {
		// A price saved as "3.17" comes back from state at cty's precision,
		// not float64's; it is the same price.
		bf := b.Interface().(basetypes.Float64Value)
		return af.IsNull() == bf.IsNull() && af.IsUnknown() == bf.IsUnknown() && af.ValueFloat64() == bf.ValueFloat64()
	}
	if av, ok := a.Interface().(attr.Value); ok {
		return av.Equal(b.Interface().(attr.Value))
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			if !same(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return same(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !same(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	default:
		return reflect.DeepEqual(a.Interface(), b.Interface())
	}
}

// Delete deletes an object and, when gone is set, waits until it is gone.
// An object the cloud no longer knows is deleted already.
func Delete(ctx context.Context, diags *diag.Diagnostics, what string, del, gone func(context.Context) error) {
	if err := DeleteAndWait(ctx, del, gone); err != nil {
		diags.Append(apierr.Diagnostic("deleting "+what, err))
	}
}

// DeleteAndWait deletes an object and, when gone is set, waits until it is
// gone. An object the cloud no longer knows is deleted already.
func DeleteAndWait(ctx context.Context, del, gone func(context.Context) error) error {
	err := del(ctx)
	if transport.IsNotFound(err) {
		return nil
	}
	if err == nil && gone != nil {
		err = gone(ctx)
	}
	return err
}
