package core

import (
	"sort"
	"sync"
)

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

// Limit is one type and location's room, as the admin API shows and sets it.
type Limit struct {
	Type     string `json:"type"`
	Location string `json:"location"`
	Launches int    `json:"launches"`
}

// Limits lists every limit set.
func (c *Capacity) Limits() []Limit {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := []Limit{}
	for key, n := range c.left {
		out = append(out, Limit{Type: key[0], Location: key[1], Launches: n})
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Type+"\x00"+out[i].Location < out[j].Type+"\x00"+out[j].Location
	})
	return out
}

// Reset lifts every limit.
func (c *Capacity) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.left = nil
}
