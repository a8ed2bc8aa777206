// Package tensordock simulates TensorDock's v2 API under /tensordock/api/v2:
// hostnodes and locations whose stock creates consume and deletes release,
// JSON:API bodies, and the field quirks public clients report, each behind a
// switch. Its wire types are written from the document, not shared with the
// provider's client.
package tensordock

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

// Prefix is where the API is mounted.
const Prefix = "/tensordock/api/v2"

// DefaultToken is the API token the simulator accepts.
const DefaultToken = "sim-tensordock-token"

// Options configure the simulated organisation.
type Options struct {
	Token string
}

// Switches change how the simulated API behaves.
type Switches struct {
	core.Shapes
	// RateLimits enforces 100 requests per window for the organisation.
	RateLimits      bool          `json:"rate_limits"`
	RateLimitWindow core.Duration `json:"rate_limit_window"`
	RateLimit       int           `json:"rate_limit"`
	// StartDelay and StopDelay are how long starting (also a new instance)
	// and stopping take; IPDelay how long after running the IP appears.
	StartDelay core.Duration `json:"start_delay"`
	StopDelay  core.Duration `json:"stop_delay"`
	IPDelay    core.Duration `json:"ip_delay"`
	// ErrorsAs200 answers errors with HTTP 200 and {"status": 4xx, "error": ...}.
	ErrorsAs200 bool `json:"errors_as_200"`
	// RemapPorts gives every port forward another external port than asked.
	RemapPorts bool `json:"remap_ports"`
	// WrapGet wraps GET /instances/{id} in {"data": ...}; TensorDock usually does not.
	WrapGet bool `json:"wrap_get"`
	// ListAsArray answers GET /instances with {"data": [...]} instead of
	// {"data": {"instances": [...]}}.
	ListAsArray bool `json:"list_as_array"`
	// StaleStock keeps /locations showing stock while creates by location
	// fail with "No available nodes found".
	StaleStock bool `json:"stale_stock"`
}

// DefaultSwitches behave like the document; quirks are off.
func DefaultSwitches() Switches {
	return Switches{
		RateLimits: true, RateLimitWindow: core.Duration(time.Minute), RateLimit: 100,
		StartDelay: core.Duration(3 * time.Second), StopDelay: core.Duration(time.Second),
	}
}

// Cloud is the simulated TensorDock organisation.
type Cloud struct {
	// Capacity limits launches per GPU model (v0Name) and hostnode ID.
	Capacity core.Capacity

	opts     Options
	switches *core.Switches[Switches]
	window   *core.Window
	now      func() time.Time

	mu        sync.Mutex
	locations []Location
	nodes     map[string]*Hostnode
	instances map[string]*instance
	secrets   map[string]*secret
	Order     int64
}

// New returns an organisation with the default stock.
func New(opts Options) *Cloud {
	if opts.Token == "" {
		opts.Token = DefaultToken
	}
	c := &Cloud{opts: opts, switches: core.NewSwitches(DefaultSwitches()), window: core.NewWindow(), now: time.Now}
	c.Reset()
	return c
}

func (c *Cloud) Name() string   { return "tensordock" }
func (c *Cloud) Prefix() string { return Prefix }

// Reset restores the default stock and switches and forgets every object.
func (c *Cloud) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.locations, c.nodes = defaultStock()
	c.instances = map[string]*instance{}
	c.secrets = map[string]*secret{}
	c.switches.Reset()
	c.window.Reset()
}

func (c *Cloud) Switches() any                         { return c.switches.Get() }
func (c *Cloud) SetSwitches(raw json.RawMessage) error { return c.switches.Merge(raw) }

// Shapes are the answer variants switched on.
func (c *Cloud) Shapes() core.Shapes { return c.switches.Get().Shapes }

// Wire is what the variants need to know of the cloud's answers.
func (c *Cloud) Wire() core.Wire { return wire }

// wire: the document gives an instance's fields for GET only; those beyond
// its identity, status, address and size, and the catalogue's extras, may
// be missing. The address comes seconds after a create, but it comes.
var wire = core.Wire{
	Optional:     core.Names("type", "portForwards", "rateHourly", "pricing", "network_features", "tier", "stateprovince"),
	Dictionaries: core.Names("gpus"),
}

// ConsoleAuth authenticates a request as another user of the account.
func (c *Cloud) ConsoleAuth(r *http.Request) {
	r.Header.Set("Authorization", "Bearer "+c.opts.Token)
}

// newID is the ID of a new object, an integer when the switch says so.
func (c *Cloud) newID() string { return core.NewObjectID(c.switches.Get().IDsAsNumbers) }

// UpdateSwitches changes switches from Go.
func (c *Cloud) UpdateSwitches(f func(*Switches)) { c.switches.Update(f) }

// UpdateStock changes hostnodes (prices, free GPUs) from Go.
func (c *Cloud) UpdateStock(f func(nodes map[string]*Hostnode)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f(c.nodes)
}

// Objects lists instances (billed) and secrets.
func (c *Cloud) Objects() []core.Object {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	var out []core.Object
	for _, i := range c.instances {
		out = append(out, core.Object{Cloud: "tensordock", Kind: "instance", ID: i.ID, Name: i.Name, Status: i.Status, Billed: true})
	}
	for _, s := range c.secrets {
		out = append(out, core.Object{Cloud: "tensordock", Kind: "ssh_key", ID: s.ID, Name: s.Name})
	}
	return out
}

// ErrorBody is TensorDock's error shape.
func (c *Cloud) ErrorBody(status int, code, message string) any {
	return map[string]any{"status": status, "error": message}
}

// fail answers with TensorDock's error body, as HTTP 200 when that quirk is on.
func (c *Cloud) fail(w http.ResponseWriter, status int, message string) {
	httpStatus := status
	if c.switches.Get().ErrorsAs200 && status != http.StatusTooManyRequests && status != http.StatusUnauthorized {
		httpStatus = http.StatusOK
	}
	core.WriteJSON(w, httpStatus, c.ErrorBody(status, "", message))
}

// Register mounts the API on mux.
func (c *Cloud) Register(mux *http.ServeMux) {
	handle := func(pattern string, h http.HandlerFunc) {
		method, path, _ := strings.Cut(pattern, " ")
		mux.Handle(method+" "+Prefix+path, c.authenticated(h))
	}
	handle("GET /hostnodes", c.listHostnodes)
	handle("GET /hostnodes/{id}", c.getHostnode)
	handle("GET /locations", c.listLocations)
	handle("GET /instances", c.listInstances)
	handle("POST /instances", c.createInstance)
	handle("GET /instances/{id}", c.getInstance)
	handle("DELETE /instances/{id}", c.deleteInstance)
	handle("POST /instances/{id}/start", c.startInstance)
	handle("POST /instances/{id}/stop", c.stopInstance)
	handle("PUT /instances/{id}/modify", c.modifyInstance)
	handle("GET /secrets", c.listSecrets)
	handle("POST /secrets", c.createSecret)
	handle("GET /secrets/{id}", c.getSecret)
	handle("DELETE /secrets/{id}", c.deleteSecret)
	mux.HandleFunc(Prefix+"/", func(w http.ResponseWriter, r *http.Request) {
		core.WriteJSON(w, http.StatusNotFound, c.ErrorBody(404, "", "Not found: "+r.Method+" "+r.URL.Path))
	})
}

func (c *Cloud) authenticated(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+c.opts.Token {
			core.WriteJSON(w, http.StatusUnauthorized, c.ErrorBody(401, "", "Unauthorized: invalid or missing API token"))
			return
		}
		sw := c.switches.Get()
		if sw.RateLimits {
			if _, reset, ok := c.window.Take("org", sw.RateLimit, time.Duration(sw.RateLimitWindow)); !ok {
				w.Header().Set("Retry-After", itoa(core.CeilSeconds(reset)))
				core.WriteJSON(w, http.StatusTooManyRequests, c.ErrorBody(429, "", "Too many requests"))
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
