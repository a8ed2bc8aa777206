package core

import "sync"

// Capacity is how many more launches of a type at a location succeed, as
// a test sets it; a deleted machine does not give its room back. What the
// catalogue offers is left as it is, as a real cloud's stale catalogue
// does: a launch that finds no room is refused with the cloud's own
// capacity error. A type and location never set have no limit.
type Capacity struct {
	mu   sync.Mutex
	left map[[2]string]int
}

// Set says how many more launches of typ at location succeed.
func (c *Capacity) Set(typ, location string, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.left == nil {
		c.left = map[[2]string]int{}
	}
	c.left[[2]string{typ, location}] = n
}

// Take takes one launch's room, and reports false when there is none.
func (c *Capacity) Take(typ, location string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	key := [2]string{typ, location}
	n, limited := c.left[key]
	if !limited {
		return true
	}
	if n <= 0 {
		return false
	}
	c.left[key] = n - 1
	return true
}
