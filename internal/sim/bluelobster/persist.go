package bluelobster

import "encoding/json"

// state is what the cloud keeps across a restart of the simulator.
type state struct {
	Types     []InstanceType
	Capacity  map[string]map[string]int
	Instances map[string]*instance
	Tasks     map[string]*task
	FreeIPs   map[string][]string
	DeleteNF  map[string]int
	Order     int64
}

// State is everything the cloud holds.
func (c *Cloud) State() (json.RawMessage, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return json.Marshal(state{Types: c.types, Capacity: c.capacity, Instances: c.instances, Tasks: c.tasks, FreeIPs: c.freeIPs,
		DeleteNF: c.deleteNF, Order: c.Order})
}

// Restore replaces what the cloud holds with a saved State.
func (c *Cloud) Restore(raw json.RawMessage) error {
	st := state{Capacity: map[string]map[string]int{}, Instances: map[string]*instance{}, Tasks: map[string]*task{},
		FreeIPs: map[string][]string{}, DeleteNF: map[string]int{}}
	if err := json.Unmarshal(raw, &st); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.types, c.capacity, c.instances, c.tasks, c.freeIPs, c.deleteNF, c.Order = st.Types, st.Capacity, st.Instances, st.Tasks, st.FreeIPs, st.DeleteNF, st.Order
	return nil
}
