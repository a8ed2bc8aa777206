package adopt

import (
	"context"
	"sync"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Keyed serialises creates that share a key (an instance, a node) within one
// provider process, so that the objects before and after a create differ by
// exactly what that create made.
type Keyed struct{ locks sync.Map }

// Lock takes the key's lock and returns its release.
func (k *Keyed) Lock(key string) func() {
	m, _ := k.locks.LoadOrStore(key, &sync.Mutex{})
	mu := m.(*sync.Mutex)
	mu.Lock()
	return mu.Unlock
}

// CreateUnnamed runs create for an object that has no name to find it by:
// list names what exists before and after, and when the answer to create was
// lost, the one new object is adopted. Hold the key's lock around it.
func CreateUnnamed(ctx context.Context, list func(context.Context) ([]string, error), create func(context.Context) (string, error)) (string, error) {
	before, err := list(ctx)
	if err != nil {
		return "", err
	}
	id, err := create(ctx)
	if err == nil || !transport.MayHaveSucceeded(err) {
		return id, err
	}
	after, listErr := list(ctx)
	if listErr != nil {
		return "", err
	}
	known := map[string]bool{}
	for _, b := range before {
		known[b] = true
	}
	var fresh []string
	for _, a := range after {
		if !known[a] {
			fresh = append(fresh, a)
		}
	}
	if len(fresh) != 1 {
		return "", err
	}
	return fresh[0], nil
}
