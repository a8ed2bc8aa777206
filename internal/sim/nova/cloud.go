// Package nova simulates Nova Cloud's API under /nova: login with refresh
// tokens and scoped API keys, VMs on nodes with GPU stock, SSH keys (five at
// most), the public offer search and pricing, {"detail": ...} errors,
// limit/offset pagination and per-user rate limits with X-RateLimit headers.
// Its wire types are written from the document, not shared with the client.
package nova

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

// Prefix is where the API is mounted.
const Prefix = "/nova"

// Credentials the simulator accepts.
const (
	DefaultEmail        = "sim@nova.example"
	DefaultPassword     = "sim-nova-password"
	ReadWriteKey        = "nv_live_sim_read_write"
	ReadOnlyKey         = "nv_live_sim_read_only"
	generalRateLimit    = 300
	loginRateLimit      = 5
	authRateLimit       = 10
	maxSSHKeysPerUser   = 5
	defaultPageSize     = 50
	accessTokenLifetime = time.Hour
)

// Switches change how the simulated API behaves.
type Switches struct {
	core.Shapes
	RateLimits      bool          `json:"rate_limits"`
	RateLimitWindow core.Duration `json:"rate_limit_window"`
	// BootDelay is how long creating and starting take; StopDelay stopping.
	BootDelay core.Duration `json:"boot_delay"`
	StopDelay core.Duration `json:"stop_delay"`
	// CreateOutcome makes new VMs end "failed", or "interrupted".
	CreateOutcome string `json:"create_outcome" enum:"failed interrupted"`
	// Balance is the account's balance in USD; a VM needs an hour's worth.
	Balance float64 `json:"balance"`
}

// DefaultSwitches behave like the document.
func DefaultSwitches() Switches {
	return Switches{
		RateLimits: true, RateLimitWindow: core.Duration(time.Minute),
		BootDelay: core.Duration(3 * time.Second), StopDelay: core.Duration(time.Second), Balance: 100,
	}
}

// Cloud is the simulated Nova Cloud account.
type Cloud struct {
	// Capacity limits launches per GPU type and node.
	Capacity core.Capacity

	switches *core.Switches[Switches]
	window   *core.Window
	now      func() time.Time

	mu      sync.Mutex
	tokens  map[string]time.Time // access token -> expiry
	refresh map[string]bool
	scopes  map[string]string // API key -> scope
	nodes   map[string]*node
	vms     map[string]*vm
	keys    map[string]*sshKey
	nextID  int64
}

// New returns an account with the default nodes.
func New() *Cloud {
	c := &Cloud{switches: core.NewSwitches(DefaultSwitches()), window: core.NewWindow(), now: time.Now}
	c.Reset()
	return c
}

func (c *Cloud) Name() string   { return "nova" }
func (c *Cloud) Prefix() string { return Prefix }

// Reset forgets everything and restores the defaults.
func (c *Cloud) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tokens, c.refresh = map[string]time.Time{}, map[string]bool{}
	c.scopes = map[string]string{ReadWriteKey: "read_write", ReadOnlyKey: "read_only"}
	c.nodes = defaultNodes()
	c.vms, c.keys = map[string]*vm{}, map[string]*sshKey{}
	c.nextID = 1000
	c.switches.Reset()
	c.window.Reset()
}

func (c *Cloud) Switches() any                         { return c.switches.Get() }
func (c *Cloud) SetSwitches(raw json.RawMessage) error { return c.switches.Merge(raw) }

// Shapes are the answer variants switched on.
func (c *Cloud) Shapes() core.Shapes { return c.switches.Get().Shapes }

// Wire is what the variants need to know of the cloud's answers.
func (c *Cloud) Wire() core.Wire { return wire }

// wire: the document's VM lists id, vmid, node, instance_label, gpu_type,
// gpu_count, storage_gb, ram_gb, cpu_cores, ip_address, status, the times,
// rental_type and hourly_rate; its template and the times of events that
// did not happen may be missing.
var wire = core.Wire{
	Optional:     core.Names("ip_address", "started_at", "stopped_at", "template_vmid", "interruptible_rate", "gpu_ram_mb"),
	Dictionaries: core.Names("gpus"),
}

// ConsoleAuth authenticates a request as another user of the account.
func (c *Cloud) ConsoleAuth(r *http.Request) {
	r.Header.Set("Authorization", "Bearer "+ReadWriteKey)
}

// newID is the ID of a new object, an integer when the switch says so.
func (c *Cloud) newID() string { return core.NewObjectID(c.switches.Get().IDsAsNumbers) }

// UpdateSwitches changes switches from Go.
func (c *Cloud) UpdateSwitches(f func(*Switches)) { c.switches.Update(f) }

// ExpireTokens makes every access token stale, as if an hour passed.
func (c *Cloud) ExpireTokens() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for t := range c.tokens {
		c.tokens[t] = time.Time{}
	}
}

// Objects lists VMs (billed) and SSH keys. A destroyed VM is still readable
// for a moment but is gone: it is not listed.
func (c *Cloud) Objects() []core.Object {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	var out []core.Object
	for _, v := range c.vms {
		if v.Status != "destroyed" {
			out = append(out, core.Object{Cloud: "nova", Kind: "instance", ID: v.ID, Name: v.Label, Status: v.Status, Billed: true})
		}
	}
	for _, k := range c.keys {
		out = append(out, core.Object{Cloud: "nova", Kind: "ssh_key", ID: k.ID, Name: k.Label})
	}
	return out
}

// ErrorBody is Nova's {"detail": "..."}.
func (c *Cloud) ErrorBody(status int, code, message string) any {
	return map[string]string{"detail": message}
}

func fail(w http.ResponseWriter, status int, format string, args ...any) {
	core.WriteJSON(w, status, map[string]string{"detail": fmt.Sprintf(format, args...)})
}

// invalid answers 422 with FastAPI's validation shape.
func invalid(w http.ResponseWriter, field, msg string) {
	core.WriteJSON(w, http.StatusUnprocessableEntity, map[string]any{"detail": []map[string]any{{"loc": []string{"body", field}, "msg": msg, "type": "value_error"}}})
}

type caller struct {
	user  string
	scope string
}

// Register mounts the API on mux.
func (c *Cloud) Register(mux *http.ServeMux) {
	open := func(pattern, bucket string, limit int, h http.HandlerFunc) {
		method, path, _ := strings.Cut(pattern, " ")
		mux.Handle(method+" "+Prefix+path, c.limited(bucket, limit, h))
	}
	authed := func(pattern, scope string, h func(http.ResponseWriter, *http.Request, caller)) {
		method, path, _ := strings.Cut(pattern, " ")
		mux.Handle(method+" "+Prefix+path, c.authenticated(scope, h))
	}
	open("POST /auth/login", "login", loginRateLimit, c.login)
	open("POST /auth/refresh", "auth", authRateLimit, c.refreshToken)
	open("GET /search", "general", generalRateLimit, c.search)
	open("GET /pricing", "general", generalRateLimit, c.pricing)
	authed("POST /auth/api-key", "read_write", c.createAPIKey)
	authed("GET /vms", "read", c.listVMs)
	authed("POST /vms", "read_write", c.createVM)
	authed("GET /vms/{id}", "read", c.getVM)
	authed("DELETE /vms/{id}", "read_write", c.deleteVM)
	authed("POST /vms/{id}/start", "read_write", c.powerVM("start"))
	authed("POST /vms/{id}/stop", "read_write", c.powerVM("stop"))
	authed("GET /ssh-keys", "read", c.listKeys)
	authed("POST /ssh-keys", "read_write", c.createKey)
	authed("GET /ssh-keys/{id}", "read", c.getKey)
	authed("DELETE /ssh-keys/{id}", "read_write", c.deleteKey)
	authed("GET /billing/current-spend", "billing", c.currentSpend)
	mux.HandleFunc(Prefix+"/", func(w http.ResponseWriter, r *http.Request) { fail(w, http.StatusNotFound, "Not Found") })
}

// limited applies a per-user window and sends the X-RateLimit headers.
func (c *Cloud) limited(bucket string, limit int, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !c.allow(w, r, bucket+":"+clientOf(r), limit) {
			return
		}
		next.ServeHTTP(w, r)
	})
}

func clientOf(r *http.Request) string {
	if a := r.Header.Get("Authorization"); a != "" {
		return a
	}
	return r.RemoteAddr[:strings.LastIndex(r.RemoteAddr, ":")]
}

func (c *Cloud) allow(w http.ResponseWriter, r *http.Request, key string, limit int) bool {
	sw := c.switches.Get()
	if !sw.RateLimits {
		return true
	}
	window := time.Duration(sw.RateLimitWindow)
	remaining, reset, ok := c.window.Take(key, limit, window)
	w.Header().Set("X-RateLimit-Limit", strconv.Itoa(limit))
	w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(c.now().Add(reset).Unix(), 10))
	if !ok {
		w.Header().Set("Retry-After", strconv.Itoa(core.CeilSeconds(reset)))
		fail(w, http.StatusTooManyRequests, "Rate limit exceeded")
	}
	return ok
}

var scopeAllows = map[string][]string{
	"read_write":   {"read", "read_write", "billing"},
	"read_only":    {"read"},
	"billing_only": {"billing"},
}

func (c *Cloud) authenticated(need string, h func(http.ResponseWriter, *http.Request, caller)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		c.mu.Lock()
		scope, isKey := c.scopes[token]
		expiry, isToken := c.tokens[token]
		c.mu.Unlock()
		switch {
		case !ok || (!isKey && !isToken):
			fail(w, http.StatusUnauthorized, "Could not validate credentials")
			return
		case isToken && c.now().After(expiry):
			fail(w, http.StatusUnauthorized, "Token has expired")
			return
		case isToken:
			scope = "read_write"
		}
		allowed := false
		for _, s := range scopeAllows[scope] {
			allowed = allowed || s == need
		}
		if !allowed {
			fail(w, http.StatusForbidden, "This API key has the %s scope, which does not allow this operation", scope)
			return
		}
		if !c.allow(w, r, "general:"+token, generalRateLimit) {
			return
		}
		h(w, r, caller{user: DefaultEmail, scope: scope})
	})
}

func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		fail(w, http.StatusBadRequest, "Invalid JSON body")
		return false
	}
	return true
}

func (c *Cloud) issue(w http.ResponseWriter) {
	access, refresh := "eyJ.sim-access."+core.NewID(), "eyJ.sim-refresh."+core.NewID()
	c.tokens[access] = c.now().Add(accessTokenLifetime)
	c.refresh[refresh] = true
	core.WriteJSON(w, http.StatusOK, map[string]any{"access_token": access, "refresh_token": refresh, "token_type": "bearer", "expires_in": accessTokenLifetime.Seconds()})
}

func (c *Cloud) login(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if !decode(w, r, &req) {
		return
	}
	if req.Email != DefaultEmail || req.Password != DefaultPassword {
		fail(w, http.StatusUnauthorized, "Incorrect email or password")
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.issue(w)
}

func (c *Cloud) refreshToken(w http.ResponseWriter, r *http.Request) {
	var req struct {
		RefreshToken string `json:"refresh_token"`
	}
	if !decode(w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.refresh[req.RefreshToken] {
		fail(w, http.StatusUnauthorized, "Invalid refresh token")
		return
	}
	delete(c.refresh, req.RefreshToken)
	c.issue(w)
}

func (c *Cloud) createAPIKey(w http.ResponseWriter, r *http.Request, _ caller) {
	var req struct {
		Name  string `json:"name"`
		Scope string `json:"scope"`
	}
	if !decode(w, r, &req) {
		return
	}
	if req.Scope == "" {
		req.Scope = "read_write"
	}
	if _, ok := scopeAllows[req.Scope]; !ok {
		invalid(w, "scope", "scope must be read_write, read_only or billing_only")
		return
	}
	key := "nv_live_" + strings.ReplaceAll(core.NewID(), "-", "")
	c.mu.Lock()
	c.scopes[key] = req.Scope
	c.mu.Unlock()
	core.WriteJSON(w, http.StatusCreated, map[string]string{"api_key": key, "name": req.Name, "scope": req.Scope})
}

// page applies limit and offset.
func page[T any](r *http.Request, all []T) ([]T, bool) {
	limit, offset := defaultPageSize, 0
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 500 {
			return nil, false
		}
		limit = n
	}
	if v := r.URL.Query().Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return nil, false
		}
		offset = n
	}
	start := min(offset, len(all))
	return all[start:min(start+limit, len(all))], true
}
