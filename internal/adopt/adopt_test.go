package adopt

import (
	"context"
	"errors"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

func TestCreate(t *testing.T) {
	lost := &transport.NoAnswerError{Sent: true, Err: errors.New("EOF")}
	neverSent := &transport.NoAnswerError{Sent: false, Err: errors.New("refused")}
	refused := &transport.APIError{Status: 400}
	ret := func(id string, err error) func(context.Context) (string, error) {
		return func(context.Context) (string, error) { return id, err }
	}
	mustNotFind := func(t *testing.T) func(context.Context) (string, error) {
		return func(context.Context) (string, error) { t.Fatal("find called"); return "", nil }
	}
	ctx := context.Background()

	if id, err := Create(ctx, ret("a", nil), mustNotFind(t)); id != "a" || err != nil {
		t.Errorf("success: %q %v", id, err)
	}
	if _, err := Create(ctx, ret("", refused), mustNotFind(t)); err != refused {
		t.Errorf("a refusal is final: %v", err)
	}
	if _, err := Create(ctx, ret("", neverSent), mustNotFind(t)); err != neverSent {
		t.Errorf("a request never sent created nothing: %v", err)
	}
	if id, err := Create(ctx, ret("", lost), ret("found", nil)); id != "found" || err != nil {
		t.Errorf("a lost answer whose object exists is adopted: %q %v", id, err)
	}
	if _, err := Create(ctx, ret("", lost), ret("", nil)); err != lost {
		t.Errorf("nothing found keeps the create's error: %v", err)
	}
	if _, err := Create(ctx, ret("", lost), ret("", errors.New("list failed"))); err != lost {
		t.Errorf("a failed lookup keeps the create's error: %v", err)
	}
}

func TestCreateUnnamed(t *testing.T) {
	ctx := context.Background()
	lost := &transport.NoAnswerError{Sent: true, Err: errors.New("EOF")}
	calls := 0
	list := func(context.Context) ([]string, error) {
		calls++
		if calls == 1 {
			return []string{"a"}, nil
		}
		return []string{"a", "b"}, nil
	}
	if id, err := CreateUnnamed(ctx, list, func(context.Context) (string, error) { return "", lost }); id != "b" || err != nil {
		t.Fatalf("the one new object is adopted: %q %v", id, err)
	}
	calls = 0
	if id, err := CreateUnnamed(ctx, list, func(context.Context) (string, error) { return "c", nil }); id != "c" || err != nil {
		t.Fatalf("success: %q %v", id, err)
	}
	two := func(context.Context) ([]string, error) { return []string{"x", "y"}, nil }
	none := true
	if _, err := CreateUnnamed(ctx, func(ctx context.Context) ([]string, error) {
		if none {
			none = false
			return nil, nil
		}
		return two(ctx)
	}, func(context.Context) (string, error) { return "", lost }); err != lost {
		t.Fatalf("two new objects are ambiguous: keep the error, got %v", err)
	}
	var k Keyed
	unlock := k.Lock("i")
	unlock()
	k.Lock("i")()
}
