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
