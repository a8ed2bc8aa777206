package sim

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Fault kinds.
const (
	FaultStatus    = "status"     // answer with an error status instead of the handler
	FaultLatency   = "latency"    // let the handler act at once, then hold its answer back
	FaultDrop      = "drop"       // close the connection before the handler runs
	FaultDropAfter = "drop_after" // run the handler, then close without answering
	FaultGarble    = "garble"     // run the handler, then answer its status with a body that is not JSON
	FaultTruncate  = "truncate"   // run the handler, then send half its answer and close the connection
	FaultHTML      = "html"       // answer with an error status and a proxy's HTML page instead of the handler
)

// Fault is one injected misbehaviour for requests matching Method and Path.
type Fault struct {
	ID string `json:"id"`
	// Method is empty for any method.
	Method string `json:"method,omitempty"`
	// Path is a glob on the full request path; * matches any run of characters.
	Path       string `json:"path"`
	Kind       string `json:"kind"`
	Status     int    `json:"status,omitempty"`
	Code       string `json:"code,omitempty"`
	RetryAfter string `json:"retry_after,omitempty"`
	LatencyMS  int    `json:"latency_ms,omitempty"`
	// Acted, for status and html faults, lets the handler act before the
	// error is answered, as when a proxy gives up on a cloud that goes on.
	Acted bool `json:"acted,omitempty"`
	// Count is how many matching requests the fault hits; 0 means every one.
	Count int `json:"count,omitempty"`
	Hits  int `json:"hits"`

	pattern *regexp.Regexp
}

func (f *Fault) compile() error {
	switch f.Kind {
	case FaultStatus, FaultHTML:
		if f.Status < 400 || f.Status > 599 {
			return fmt.Errorf("a %q fault needs a status from 400 to 599", f.Kind)
		}
	case FaultLatency:
		if f.LatencyMS <= 0 {
			return fmt.Errorf("a %q fault needs latency_ms", f.Kind)
		}
	case FaultDrop, FaultDropAfter, FaultGarble, FaultTruncate:
	default:
		return fmt.Errorf("kind must be one of %s", strings.Join([]string{FaultStatus, FaultHTML, FaultLatency, FaultDrop, FaultDropAfter, FaultGarble, FaultTruncate}, ", "))
	}
	if f.Path == "" {
		f.Path = "*"
	}
	parts := strings.Split(f.Path, "*")
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	re, err := regexp.Compile("^" + strings.Join(parts, ".*") + "$")
	if err != nil {
		return err
	}
	f.pattern = re
	f.Method = strings.ToUpper(f.Method)
	return nil
}

func (f *Fault) latency() time.Duration { return time.Duration(f.LatencyMS) * time.Millisecond }

type faults struct {
	mu   sync.Mutex
	list []*Fault
	next int
}

func (fs *faults) add(f Fault) (Fault, error) {
	if err := f.compile(); err != nil {
		return Fault{}, err
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.next++
	f.ID = fmt.Sprintf("f%d", fs.next)
	fs.list = append(fs.list, &f)
	return f, nil
}

// match returns the faults that hit r, each counted, at most one of each kind.
func (fs *faults) match(r *http.Request) []Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	var hit []Fault
	kinds := map[string]bool{}
	for _, f := range fs.list {
		if kinds[f.Kind] || (f.Method != "" && f.Method != r.Method) || !f.pattern.MatchString(r.URL.Path) {
			continue
		}
		if f.Count > 0 && f.Hits >= f.Count {
			continue
		}
		f.Hits++
		kinds[f.Kind] = true
		hit = append(hit, *f)
	}
	return hit
}

func (fs *faults) snapshot() []Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	out := make([]Fault, 0, len(fs.list))
	for _, f := range fs.list {
		out = append(out, *f)
	}
	return out
}

func (fs *faults) clear() {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.list = nil
}
