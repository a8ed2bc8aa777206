// Package core holds what every simulated cloud shares: JSON answers, fixed
// rate-limit windows, and the objects a cloud reports to the ledger.
package core

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/google/uuid"
)

// Object is something a simulated cloud holds; Billed ones are what a user
// pays for and what the ledger lists.
type Object struct {
	Cloud  string `json:"cloud"`
	Kind   string `json:"kind"`
	ID     string `json:"id"`
	Name   string `json:"name"`
	Status string `json:"status,omitempty"`
	Billed bool   `json:"billed"`
}

// Cloud is one simulated API mounted under its prefix.
type Cloud interface {
	Name() string
	Prefix() string
	Register(mux *http.ServeMux)
	Objects() []Object
	// ErrorBody is the body the cloud would send for an injected error.
	ErrorBody(status int, code, message string) any
	Reset()
	// Switches returns the cloud's switches, for reading and replacing as JSON.
	Switches() any
	SetSwitches(raw json.RawMessage) error
	// Shapes are the answer variants switched on; Wire what they need to
	// know of the cloud's answers.
	Shapes() Shapes
	Wire() Wire
	// ConsoleAuth authenticates a request as another user of the same
	// account would be, for objects made out of band.
	ConsoleAuth(r *http.Request)
	// State is everything the cloud holds, for a state file; Restore puts
	// it back.
	State() (json.RawMessage, error)
	Restore(json.RawMessage) error
}

// WriteJSON answers with v as JSON.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	if v != nil {
		_ = json.NewEncoder(w).Encode(v)
	}
}

// NewID returns a fresh UUID, for tokens and tasks.
func NewID() string { return uuid.NewString() }

// Window counts requests per key in fixed windows, like the clouds' limiters.
type Window struct {
	mu     sync.Mutex
	now    func() time.Time
	counts map[string]*windowCount
}

type windowCount struct {
	start time.Time
	n     int
}

// NewWindow returns an empty counter.
func NewWindow() *Window {
	return &Window{now: time.Now, counts: map[string]*windowCount{}}
}

// Take counts one request for key against limit per length. It returns how
// many remain and, when the limit is already spent, how long until the
// window resets.
func (w *Window) Take(key string, limit int, length time.Duration) (remaining int, reset time.Duration, ok bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	now := w.now()
	c, found := w.counts[key]
	if !found || now.Sub(c.start) >= length {
		c = &windowCount{start: now}
		w.counts[key] = c
	}
	reset = length - now.Sub(c.start)
	if c.n >= limit {
		return 0, reset, false
	}
	c.n++
	return limit - c.n, reset, true
}

// Peek reports what remains for key without counting.
func (w *Window) Peek(key string, limit int, length time.Duration) (remaining int, reset time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	c, found := w.counts[key]
	now := w.now()
	if !found || now.Sub(c.start) >= length {
		return limit, length
	}
	return limit - c.n, length - now.Sub(c.start)
}

// Reset forgets every count.
func (w *Window) Reset() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.counts = map[string]*windowCount{}
}

// CeilSeconds rounds a duration up to whole seconds, at least one.
func CeilSeconds(d time.Duration) int {
	s := int((d + time.Second - 1) / time.Second)
	return max(s, 1)
}

// Duration is a time.Duration that reads and writes as "1m30s" in JSON.
type Duration time.Duration

func (d Duration) String() string { return time.Duration(d).String() }

func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(time.Duration(d).String()) }

func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		var ms int64
		if err2 := json.Unmarshal(b, &ms); err2 != nil {
			return err
		}
		*d = Duration(time.Duration(ms) * time.Millisecond)
		return nil
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}
