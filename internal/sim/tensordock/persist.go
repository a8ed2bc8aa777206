package tensordock

import "encoding/json"

// state is what the cloud keeps across a restart of the simulator.
type state struct {
	Locations []Location
	Nodes     map[string]*Hostnode
	Instances map[string]*instance
	Secrets   map[string]*secret
	Order     int64
}

// State is everything the cloud holds.
func (c *Cloud) State() (json.RawMessage, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return json.Marshal(state{Locations: c.locations, Nodes: c.nodes, Instances: c.instances, Secrets: c.secrets, Order: c.Order})
}

// Restore replaces what the cloud holds with a saved State.
func (c *Cloud) Restore(raw json.RawMessage) error {
	st := state{Nodes: map[string]*Hostnode{}, Instances: map[string]*instance{}, Secrets: map[string]*secret{}}
	if err := json.Unmarshal(raw, &st); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.locations, c.nodes, c.instances, c.secrets, c.Order = st.Locations, st.Nodes, st.Instances, st.Secrets, st.Order
	return nil
}
