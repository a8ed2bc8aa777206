package nova

import "encoding/json"

// state is what the cloud keeps across a restart of the simulator: its
// objects and the API keys made through the API; login tokens are not
// kept, so clients log in again.
type state struct {
	Scopes map[string]string
	Nodes  map[string]*node
	VMs    map[string]*vm
	Keys   map[string]*sshKey
	NextID int64
}

// State is everything the cloud holds.
func (c *Cloud) State() (json.RawMessage, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return json.Marshal(state{Scopes: c.scopes, Nodes: c.nodes, VMs: c.vms, Keys: c.keys, NextID: c.nextID})
}

// Restore replaces what the cloud holds with a saved State.
func (c *Cloud) Restore(raw json.RawMessage) error {
	st := state{Scopes: map[string]string{}, Nodes: map[string]*node{}, VMs: map[string]*vm{}, Keys: map[string]*sshKey{}}
	if err := json.Unmarshal(raw, &st); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.scopes, c.nodes, c.vms, c.keys, c.nextID = st.Scopes, st.Nodes, st.VMs, st.Keys, st.NextID
	return nil
}
