package machine

import (
	"context"
	"sync"
)

// LaunchKeys are the SSH keys added for launches on a cloud that takes
// keys by ID and reads one only when a machine is made (Verda, Nova): each
// is deleted once its launch is over, so none piles up against an
// account's limit. A key the account already had is used, never deleted.
type LaunchKeys struct {
	remove func(ctx context.Context, keyID string) error

	mu        sync.Mutex
	added     map[string]bool
	byMachine map[string]string
}

// NewLaunchKeys keeps the keys that remove deletes. A nil *LaunchKeys
// keeps none, for code that never launches.
func NewLaunchKeys(remove func(ctx context.Context, keyID string) error) *LaunchKeys {
	return &LaunchKeys{remove: remove, added: map[string]bool{}, byMachine: map[string]string{}}
}

// Added records a key added for a launch.
func (k *LaunchKeys) Added(keyID string) {
	if k == nil {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.added[keyID] = true
}

// Launched records the key a machine was launched with.
func (k *LaunchKeys) Launched(machineID, keyID string) {
	if k == nil {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.byMachine[machineID] = keyID
}

// Drop deletes keyID if it was added for a launch; a failure to delete
// leaves an unbilled key, which the next launch with it uses.
func (k *LaunchKeys) Drop(ctx context.Context, keyID string) {
	if k == nil {
		return
	}
	k.mu.Lock()
	added := k.added[keyID]
	delete(k.added, keyID)
	k.mu.Unlock()
	if added {
		_ = k.remove(ctx, keyID)
	}
}

// Done drops the key a machine was launched with, once its launch is over.
func (k *LaunchKeys) Done(ctx context.Context, machineID string) {
	if k == nil {
		return
	}
	k.mu.Lock()
	keyID, ok := k.byMachine[machineID]
	delete(k.byMachine, machineID)
	k.mu.Unlock()
	if ok {
		k.Drop(ctx, keyID)
	}
}
