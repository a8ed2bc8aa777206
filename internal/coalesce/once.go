package coalesce

import (
	"context"
	"sync"
)

// Once holds a list that is fetched the first time it is asked for and then
// kept, the error too, for the life of the client: what a plan checks
// values against (instance types, locations, images) is fetched once per
// provider process however many resources ask.
type Once[T any] struct {
	mu      sync.Mutex
	fetched bool
	val     T
	err     error
}

// Get returns the list, fetching it on the first call; concurrent first
// callers wait for the one fetch.
func (o *Once[T]) Get(ctx context.Context, fetch func(context.Context) (T, error)) (T, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.fetched {
		o.val, o.err = fetch(ctx)
		o.fetched = true
	}
	return o.val, o.err
}
