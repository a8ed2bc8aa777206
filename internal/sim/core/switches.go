package core

import (
	"encoding/json"
	"sync"
)

// Switches guards a cloud's switch struct S for concurrent reads and updates.
type Switches[S any] struct {
	mu      sync.RWMutex
	current S
	initial S
}

// NewSwitches starts from the given defaults.
func NewSwitches[S any](defaults S) *Switches[S] {
	return &Switches[S]{current: defaults, initial: defaults}
}

// Get returns a copy of the current switches.
func (s *Switches[S]) Get() S {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.current
}

// Update changes switches in place.
func (s *Switches[S]) Update(f func(*S)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(&s.current)
}

// Merge applies a partial JSON object onto the current switches.
func (s *Switches[S]) Merge(raw json.RawMessage) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	next := s.current
	if err := json.Unmarshal(raw, &next); err != nil {
		return err
	}
	s.current = next
	return nil
}

// Reset restores the defaults.
func (s *Switches[S]) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.current = s.initial
}
