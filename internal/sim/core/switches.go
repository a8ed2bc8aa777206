package core

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
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

// Merge applies a partial JSON object onto the current switches. An unknown
// switch, a value that does not parse, a negative number or duration, or a
// value outside a switch's `enum` tag is an error naming the switch, and
// changes nothing.
func (s *Switches[S]) Merge(raw json.RawMessage) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return fmt.Errorf("switches must be a JSON object: %v", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	next := s.current
	known := switchFields(reflect.ValueOf(&next).Elem())
	for key, value := range fields {
		if _, ok := known[key]; !ok {
			return fmt.Errorf("unknown switch %q", key)
		}
		one, _ := json.Marshal(map[string]json.RawMessage{key: value})
		if err := json.Unmarshal(one, &next); err != nil {
			return fmt.Errorf("switch %q: %v", key, err)
		}
	}
	for key, f := range switchFields(reflect.ValueOf(&next).Elem()) {
		if err := checkSwitch(f); err != nil {
			return fmt.Errorf("switch %q: %v", key, err)
		}
	}
	s.current = next
	return nil
}

type switchField struct {
	value reflect.Value
	enum  string
}

// switchFields maps JSON names to the fields of a switch struct, those of
// embedded structs included.
func switchFields(v reflect.Value) map[string]switchField {
	out := map[string]switchField{}
	for i := range v.NumField() {
		sf := v.Type().Field(i)
		if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
			for k, f := range switchFields(v.Field(i)) {
				out[k] = f
			}
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out[name] = switchField{value: v.Field(i), enum: sf.Tag.Get("enum")}
		}
	}
	return out
}

func checkSwitch(f switchField) error {
	switch v := f.value; v.Kind() {
	case reflect.Int, reflect.Int64:
		if v.Int() < 0 {
			return fmt.Errorf("%v must not be negative", v.Interface())
		}
	case reflect.Float64:
		if v.Float() < 0 || math.IsNaN(v.Float()) {
			return fmt.Errorf("%v must not be negative", v.Float())
		}
	case reflect.String:
		if f.enum != "" && v.String() != "" && !slices.Contains(strings.Fields(f.enum), v.String()) {
			return fmt.Errorf("%q is none of %s (or empty)", v.String(), strings.Join(strings.Fields(f.enum), ", "))
		}
	}
	return nil
}

// Reset restores the defaults.
func (s *Switches[S]) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.current = s.initial
}
