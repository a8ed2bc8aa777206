package adopt

import "sync"

// Keyed serialises creates that share a key (a node, an instance) within
// one provider process, so that no two of its own creates race each other
// for the same candidates.
type Keyed struct{ locks sync.Map }

// Lock takes the key's lock and returns its release.
func (k *Keyed) Lock(key string) func() {
	m, _ := k.locks.LoadOrStore(key, &sync.Mutex{})
	mu := m.(*sync.Mutex)
	mu.Lock()
	return mu.Unlock
}
