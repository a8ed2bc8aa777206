package novitai

import "encoding/json"

// state is what the cloud keeps across a restart of the simulator.
type state struct {
	Instances map[string]*instance
	Seq       int64
}

// State is everything the cloud holds.
func (c *Cloud) State() (json.RawMessage, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return json.Marshal(state{Instances: c.instances, Seq: c.Seq})
}

// Restore replaces what the cloud holds with a saved State.
func (c *Cloud) Restore(raw json.RawMessage) error {
	st := state{Instances: map[string]*instance{}}
	if err := json.Unmarshal(raw, &st); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.instances, c.Seq = st.Instances, st.Seq
	return nil
}
