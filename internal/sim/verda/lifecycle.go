package verda

import (
	"time"
)

// step is a status an object reaches at a moment; gone removes it.
type step struct {
	At     time.Time
	Status string
	Gone   bool
}

// schedule is an object's pending status changes. Changes happen lazily:
// whenever the simulator looks at its state, everything due is applied, so no
// goroutine runs behind the API.
type schedule []step

func (s *schedule) add(at time.Time, status string) { *s = append(*s, step{At: at, Status: status}) }

func (s *schedule) addGone(at time.Time) { *s = append(*s, step{At: at, Gone: true}) }

// due applies the steps whose time has come and reports the status reached
// and whether the object is gone.
func (s *schedule) due(now time.Time, status string) (string, bool) {
	rest := (*s)[:0]
	gone := false
	for _, st := range *s {
		if st.At.After(now) {
			rest = append(rest, st)
			continue
		}
		if st.Gone {
			gone = true
		}
		if st.Status != "" {
			status = st.Status
		}
	}
	*s = rest
	return status, gone
}

// settle applies every due change. Callers hold c.mu.
func (c *Cloud) settle() {
	c.settleClusters()
	now := c.now()
	for id, i := range c.instances {
		var gone bool
		i.Status, gone = i.Plan.due(now, i.Status)
		if gone {
			delete(c.instances, id)
		}
	}
	for id, v := range c.volumes {
		var gone bool
		v.Status, gone = v.Plan.due(now, v.Status)
		if gone {
			delete(c.volumes, id)
		}
	}
}
