// Package novitai simulates the self-hosted novitai service under /novitai:
// instances with the documented lifecycle, validation errors in the
// documented format, a token-bucket rate limit, /health, and a switch for the
// CIRCUIT_BREAKER_OPEN answer. Its wire types are written from the document.
package novitai

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

// Prefix is where the service is mounted.
const Prefix = "/novitai"

// DefaultAPIKey is the key the simulator accepts.
const DefaultAPIKey = "sim-novitai-key"

// Templates the simulated service knows.
var Templates = []string{"tmpl-ubuntu-2204", "tmpl-pytorch-2", "tmpl-comfyui"}

// Products the simulated service knows; document 003 names only gpu-basic.
var Products = []string{"gpu-basic", "gpu-rtx4090", "gpu-a100-80g"}

// Switches change how the simulated service behaves.
type Switches struct {
	core.Shapes
	// RateLimits enforces the token bucket: RatePerMinute, plus Burst.
	RateLimits    bool `json:"rate_limits"`
	RatePerMinute int  `json:"rate_per_minute"`
	Burst         int  `json:"burst"`
	// CreatingDelay and StartingDelay are how long each phase takes.
	CreatingDelay core.Duration `json:"creating_delay"`
	StartingDelay core.Duration `json:"starting_delay"`
	StopDelay     core.Duration `json:"stop_delay"`
	// CreateOutcome "failed" makes new instances fail.
	CreateOutcome string `json:"create_outcome" enum:"failed"`
	// CircuitBreakerOpen answers every /api call with 503 CIRCUIT_BREAKER_OPEN.
	CircuitBreakerOpen bool `json:"circuit_breaker_open"`
}

// DefaultSwitches behave like the document.
func DefaultSwitches() Switches {
	return Switches{
		RateLimits: true, RatePerMinute: 100, Burst: 20,
		CreatingDelay: core.Duration(2 * time.Second), StartingDelay: core.Duration(time.Second), StopDelay: core.Duration(time.Second),
	}
}

type portMapping struct {
	Port     int    `json:"port"`
	Endpoint string `json:"endpoint"`
	Type     string `json:"type"`
}

type instance struct {
	ID, Name, Product, Template, Region, Webhook, Billing, Status string
	GPUs, RootFS                                                  int
	CreatedAt, EstimatedReady                                     time.Time
	ReadyAt                                                       *time.Time
	Plan                                                          []step
	Seq                                                           int64
}

type step struct {
	At     time.Time
	Status string
}

// Cloud is the simulated service.
type Cloud struct {
	apiKey   string
	switches *core.Switches[Switches]
	now      func() time.Time

	mu        sync.Mutex
	instances map[string]*instance
	Seq       int64
	tokens    float64
	refilled  time.Time
}

// New returns an empty service.
func New() *Cloud {
	c := &Cloud{apiKey: DefaultAPIKey, switches: core.NewSwitches(DefaultSwitches()), now: time.Now}
	c.Reset()
	return c
}

func (c *Cloud) Name() string   { return "novitai" }
func (c *Cloud) Prefix() string { return Prefix }

// Reset forgets every instance and restores the switches.
func (c *Cloud) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.instances = map[string]*instance{}
	c.switches.Reset()
	c.tokens, c.refilled = -1, time.Time{}
}

func (c *Cloud) Switches() any                         { return c.switches.Get() }
func (c *Cloud) SetSwitches(raw json.RawMessage) error { return c.switches.Merge(raw) }

// Shapes are the answer variants switched on.
func (c *Cloud) Shapes() core.Shapes { return c.switches.Get().Shapes }

// Wire is what the variants need to know of the cloud's answers.
func (c *Cloud) Wire() core.Wire { return wire }

// wire: connection details, ports and readiness come once an instance runs;
// the create answer's extras come from the service's source, not its
// document.
var wire = core.Wire{
	Optional: core.Names("readyAt", "connectionDetails", "portMappings", "estimatedReadyTime", "message", "novitaInstanceId",
		"productId", "spotPrice"),
}

// ConsoleAuth authenticates a request as another user of the account.
func (c *Cloud) ConsoleAuth(r *http.Request) {
	r.Header.Set("Authorization", "Bearer "+c.apiKey)
}

// instanceID names a new instance as the service does, or with an integer.
func (c *Cloud) instanceID(now time.Time) string {
	if c.switches.Get().IDsAsNumbers {
		return c.newID()
	}
	return fmt.Sprintf("inst_%d_%s", now.Unix(), core.NewObjectID(false)[:6])
}

// newID is the ID of a new object, an integer when the switch says so.
func (c *Cloud) newID() string { return core.NewObjectID(c.switches.Get().IDsAsNumbers) }

// UpdateSwitches changes switches from Go.
func (c *Cloud) UpdateSwitches(f func(*Switches)) { c.switches.Update(f) }

// Objects lists instances, all billed; a terminated one is gone.
func (c *Cloud) Objects() []core.Object {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	var out []core.Object
	for _, i := range c.instances {
		if i.Status != "terminated" {
			out = append(out, core.Object{Cloud: "novitai", Kind: "instance", ID: i.ID, Name: i.Name, Status: i.Status, Billed: true})
		}
	}
	return out
}

type fieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
	Value   any    `json:"value"`
}

func (c *Cloud) errorBody(code, message string, details []fieldError) map[string]any {
	e := map[string]any{
		"code": code, "message": message, "timestamp": c.now().UTC().Format(time.RFC3339Nano),
		"requestId": fmt.Sprintf("req_%d_%s", c.now().Unix(), core.NewID()[:6]),
	}
	if details != nil {
		e["details"] = details
	}
	return map[string]any{"error": e}
}

// ErrorBody is the document's error shape.
func (c *Cloud) ErrorBody(status int, code, message string) any {
	codes := map[int]string{429: "RATE_LIMIT_EXCEEDED", 500: "INTERNAL_SERVER_ERROR", 503: "CIRCUIT_BREAKER_OPEN", 404: "NOT_FOUND"}
	if c, ok := codes[status]; ok {
		code = c
	}
	return c.errorBody(strings.ToUpper(code), message, nil)
}

func (c *Cloud) fail(w http.ResponseWriter, status int, code, message string, details []fieldError) {
	core.WriteJSON(w, status, c.errorBody(code, message, details))
}

// Register mounts the service on mux.
func (c *Cloud) Register(mux *http.ServeMux) {
	api := func(pattern string, h http.HandlerFunc) {
		method, path, _ := strings.Cut(pattern, " ")
		mux.Handle(method+" "+Prefix+path, c.guarded(h))
	}
	mux.HandleFunc("GET "+Prefix+"/health", c.health)
	api("POST /api/instances", c.create)
	api("GET /api/instances", c.list)
	api("GET /api/instances/{id}", c.get)
	api("DELETE /api/instances/{id}", c.remove)
	api("POST /api/instances/{id}/start", c.power("start"))
	api("POST /api/instances/{id}/stop", c.power("stop"))
	mux.HandleFunc(Prefix+"/", func(w http.ResponseWriter, r *http.Request) {
		c.fail(w, http.StatusNotFound, "NOT_FOUND", "Route not found", nil)
	})
}

// guarded checks the key, the circuit breaker and the token bucket.
func (c *Cloud) guarded(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := c.switches.Get()
		if r.Header.Get("Authorization") != "Bearer "+c.apiKey {
			c.fail(w, http.StatusUnauthorized, "UNAUTHORIZED", "Authentication required or failed", nil)
			return
		}
		if sw.CircuitBreakerOpen {
			c.fail(w, http.StatusServiceUnavailable, "CIRCUIT_BREAKER_OPEN", "Circuit breaker is open: the Novita API is failing, try again later", nil)
			return
		}
		if sw.RateLimits {
			if wait, ok := c.take(sw); !ok {
				w.Header().Set("Retry-After", strconv.Itoa(core.CeilSeconds(wait)))
				c.fail(w, http.StatusTooManyRequests, "RATE_LIMIT_EXCEEDED", "Rate limit exceeded", nil)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// take spends one token of a bucket refilled at RatePerMinute, holding
// Burst tokens at most.
func (c *Cloud) take(sw Switches) (time.Duration, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	rate := float64(sw.RatePerMinute) / 60
	capacity := float64(sw.Burst)
	if c.tokens < 0 {
		c.tokens, c.refilled = capacity, now
	}
	c.tokens = math.Min(capacity, c.tokens+now.Sub(c.refilled).Seconds()*rate)
	c.refilled = now
	if c.tokens < 1 {
		return time.Duration((1 - c.tokens) / rate * float64(time.Second)), false
	}
	c.tokens--
	return 0, true
}

func (c *Cloud) health(w http.ResponseWriter, r *http.Request) {
	status, code, api := "healthy", http.StatusOK, "up"
	if c.switches.Get().CircuitBreakerOpen {
		status, code, api = "unhealthy", http.StatusServiceUnavailable, "down"
	}
	core.WriteJSON(w, code, map[string]any{
		"status": status, "timestamp": c.now().UTC().Format(time.RFC3339Nano),
		"services": map[string]string{"novitaApi": api, "jobQueue": "up", "cache": "up"}, "uptime": 3600,
	})
}

// settle applies due status changes. Callers hold c.mu.
func (c *Cloud) settle() {
	now := c.now()
	for _, i := range c.instances {
		rest := i.Plan[:0]
		for _, s := range i.Plan {
			if s.At.After(now) {
				rest = append(rest, s)
				continue
			}
			i.Status = s.Status
			if s.Status == "running" {
				t := s.At
				i.ReadyAt = &t
			}
		}
		i.Plan = rest
	}
}

var namePattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,100}$`)

// Regions the service accepts.
var Regions = []string{"CN-HK-01", "US-WEST-01", "EU-WEST-01"}

func (c *Cloud) create(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name        string  `json:"name"`
		ProductName string  `json:"productName"`
		TemplateID  string  `json:"templateId"`
		GPUNum      *int    `json:"gpuNum"`
		RootfsSize  *int    `json:"rootfsSize"`
		Region      *string `json:"region"`
		WebhookURL  *string `json:"webhookUrl"`
		BillingMode *string `json:"billingMode"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		c.fail(w, http.StatusBadRequest, "VALIDATION_ERROR", "Request body is not valid JSON", nil)
		return
	}
	gpus, rootfs, region, billing := 1, 60, "CN-HK-01", "onDemand"
	if req.GPUNum != nil {
		gpus = *req.GPUNum
	}
	if req.RootfsSize != nil {
		rootfs = *req.RootfsSize
	}
	if req.Region != nil {
		region = *req.Region
	}
	if req.BillingMode != nil {
		billing = *req.BillingMode
	}
	var details []fieldError
	check := func(bad bool, field, msg string, value any) {
		if bad {
			details = append(details, fieldError{Field: field, Message: msg, Value: value})
		}
	}
	check(!namePattern.MatchString(req.Name), "name", "Name must be 1-100 characters of letters, digits, hyphens and underscores", req.Name)
	check(strings.TrimSpace(req.ProductName) == "", "productName", "Product name is required", req.ProductName)
	check(strings.TrimSpace(req.TemplateID) == "", "templateId", "Template ID is required", req.TemplateID)
	check(gpus < 1 || gpus > 8, "gpuNum", "GPU number must be between 1 and 8", gpus)
	check(rootfs < 20 || rootfs > 1000, "rootfsSize", "Root filesystem size must be between 20 and 1000 GB", rootfs)
	check(!slices.Contains(Regions, region), "region", "Region must be one of CN-HK-01, US-WEST-01, EU-WEST-01", region)
	check(req.WebhookURL != nil && !(strings.HasPrefix(*req.WebhookURL, "http://") || strings.HasPrefix(*req.WebhookURL, "https://")), "webhookUrl", "Webhook URL must be an HTTP or HTTPS URL", req.WebhookURL)
	check(billing != "spot" && billing != "onDemand", "billingMode", "Billing mode must be spot or onDemand", billing)
	if len(details) > 0 {
		c.fail(w, http.StatusBadRequest, "VALIDATION_ERROR", "Validation failed", details)
		return
	}
	if !slices.Contains(Products, req.ProductName) {
		c.fail(w, http.StatusBadRequest, "INVALID_PRODUCT_NAME", "Product name is invalid",
			[]fieldError{{Field: "productName", Message: "No product " + req.ProductName, Value: req.ProductName}})
		return
	}
	if !slices.Contains(Templates, req.TemplateID) {
		c.fail(w, http.StatusBadRequest, "INVALID_TEMPLATE_ID", "Template ID is invalid",
			[]fieldError{{Field: "templateId", Message: "No template " + req.TemplateID, Value: req.TemplateID}})
		return
	}
	sw := c.switches.Get()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.Seq++
	now := c.now()
	creating, starting := time.Duration(sw.CreatingDelay), time.Duration(sw.StartingDelay)
	i := &instance{
		ID: c.instanceID(now), Name: req.Name, Product: req.ProductName, Template: req.TemplateID,
		Region: region, Billing: billing, Status: "creating", GPUs: gpus, RootFS: rootfs, CreatedAt: now,
		EstimatedReady: now.Add(creating + starting), Seq: c.Seq,
	}
	if req.WebhookURL != nil {
		i.Webhook = *req.WebhookURL
	}
	if sw.CreateOutcome == "failed" {
		i.Plan = []step{{now.Add(creating), "failed"}}
	} else {
		i.Plan = []step{{now.Add(creating), "starting"}, {now.Add(creating + starting), "running"}}
	}
	c.instances[i.ID] = i
	spot := 0.0
	if billing == "spot" {
		spot = 0.45 * float64(gpus)
	}
	core.WriteJSON(w, http.StatusCreated, map[string]any{
		"instanceId": i.ID, "status": i.Status, "message": "Instance creation initiated successfully",
		"estimatedReadyTime": i.EstimatedReady.UTC().Format(time.RFC3339Nano), "novitaInstanceId": "nv-" + i.ID[5:],
		"productId": "prod-" + strings.ToLower(req.ProductName), "region": region, "spotPrice": spot,
	})
}

func (c *Cloud) details(i *instance) map[string]any {
	b := map[string]any{
		"id": i.ID, "name": i.Name, "status": i.Status, "gpuNum": i.GPUs, "region": i.Region, "portMappings": []portMapping{},
		"createdAt": i.CreatedAt.UTC().Format(time.RFC3339Nano),
	}
	if i.Status == "running" {
		host := "gpu-" + i.ID[len(i.ID)-6:] + ".novitai.example"
		b["portMappings"] = []portMapping{{22, "ssh://" + host + ":2222", "tcp"}, {8888, "https://" + host + ":8888", "http"}}
		b["connectionDetails"] = map[string]string{"ssh": "ssh://" + host + ":2222", "jupyter": "https://" + host + ":8888", "webTerminal": "https://" + host + "/terminal"}
	}
	if i.ReadyAt != nil {
		b["readyAt"] = i.ReadyAt.UTC().Format(time.RFC3339Nano)
	}
	return b
}

func (c *Cloud) lookup(w http.ResponseWriter, r *http.Request) (*instance, bool) {
	c.settle()
	i, ok := c.instances[r.PathValue("id")]
	if !ok {
		c.fail(w, http.StatusNotFound, "INSTANCE_NOT_FOUND", "Instance not found", nil)
	}
	return i, ok
}

func (c *Cloud) get(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if i, ok := c.lookup(w, r); ok {
		core.WriteJSON(w, http.StatusOK, c.details(i))
	}
}

func (c *Cloud) list(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	all := make([]*instance, 0, len(c.instances))
	for _, i := range c.instances {
		all = append(all, i)
	}
	sort.Slice(all, func(a, b int) bool { return all[a].Seq > all[b].Seq })
	out := make([]map[string]any, 0, len(all))
	for _, i := range all {
		d := c.details(i)
		delete(d, "connectionDetails")
		out = append(out, d)
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"instances": out, "total": len(out)})
}

func (c *Cloud) remove(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if i, ok := c.lookup(w, r); ok {
		delete(c.instances, i.ID)
		core.WriteJSON(w, http.StatusOK, map[string]any{"instanceId": i.ID, "status": "terminated", "message": "Instance deleted"})
	}
}

func (c *Cloud) power(action string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		defer c.mu.Unlock()
		i, ok := c.lookup(w, r)
		if !ok {
			return
		}
		sw := c.switches.Get()
		now := c.now()
		switch {
		case action == "stop" && i.Status == "running":
			i.Status, i.Plan = "stopping", []step{{now.Add(time.Duration(sw.StopDelay)), "stopped"}}
		case action == "start" && i.Status == "stopped":
			i.Status, i.Plan = "starting", []step{{now.Add(time.Duration(sw.StartingDelay)), "running"}}
		default:
			c.fail(w, http.StatusBadRequest, "VALIDATION_ERROR", fmt.Sprintf("Cannot %s an instance that is %s", action, i.Status), nil)
			return
		}
		core.WriteJSON(w, http.StatusOK, map[string]any{"instanceId": i.ID, "status": i.Status})
	}
}

// SetStatus changes an instance's status behind the service's back.
func (c *Cloud) SetStatus(id, status string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.instances[id]
	if ok {
		i.Status, i.Plan = status, nil
	}
	return ok
}
