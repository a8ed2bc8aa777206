package provider

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

type key struct{}

// recorder is a provider server that keeps every context it is given, as
// the framework does, and reports what it saw.
type recorder struct {
	tfprotov6.ProviderServer
	kept    []context.Context
	started chan struct{}
	block   bool
}

func (r *recorder) ReadResource(ctx context.Context, _ *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	r.kept = append(r.kept, ctx)
	if r.block {
		close(r.started)
		<-ctx.Done()
		return nil, ctx.Err()
	}
	return &tfprotov6.ReadResourceResponse{}, nil
}

func TestRequestsReachTheServerWithoutTheirValues(t *testing.T) {
	rec := &recorder{}
	ctx := context.WithValue(context.Background(), key{}, "a logger")
	if _, err := Detached(rec).ReadResource(ctx, &tfprotov6.ReadResourceRequest{}); err != nil {
		t.Fatal(err)
	}
	kept := rec.kept[0]
	if kept.Value(key{}) != nil {
		t.Fatal("the server kept a context that still holds the request's values")
	}
	if kept.Err() == nil {
		t.Fatal("the context the server kept is still live after the request ended")
	}
}

func TestCancellingTheRequestReachesTheServer(t *testing.T) {
	rec := &recorder{block: true, started: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Detached(rec).ReadResource(ctx, &tfprotov6.ReadResourceRequest{})
		done <- err
	}()
	<-rec.started
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("want the request's cancellation, got %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("cancelling the request did not reach the server")
	}
}
