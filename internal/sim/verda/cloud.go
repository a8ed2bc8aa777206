// Package verda simulates Verda's public API (formerly DataCrunch) under
// /verda/v1. Its wire types are written from Verda's document, not shared with
// the provider's client, so that a misreading on one side shows up as a
// failing test instead of passing on both.
package verda

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

// Prefix is where the API is mounted.
const Prefix = "/verda/v1"

// Default credentials the simulator accepts.
const (
	DefaultClientID     = "sim-verda-client"
	DefaultClientSecret = "sim-verda-secret"
)

// Options configure the simulated project.
type Options struct {
	ClientID     string
	ClientSecret string
}

// Switches change how the simulated API behaves.
type Switches struct {
	core.Shapes
	// RateLimits enforces the documented limits: ProjectLimit requests per
	// window for the project, EndpointLimit per method and path.
	RateLimits      bool          `json:"rate_limits"`
	RateLimitWindow core.Duration `json:"rate_limit_window"`
	ProjectLimit    int           `json:"project_limit"`
	EndpointLimit   int           `json:"endpoint_limit"`
	// CreatedIDFormat is how creates answer with the new ID: "text" (what
	// Verda does), "json_string" or "json_object".
	CreatedIDFormat string `json:"created_id_format" enum:"text json_string json_object"`
	// SSHKeyGetAsObject answers GET /ssh-keys/{id} with an object instead of
	// the one-element array Verda sends.
	SSHKeyGetAsObject bool `json:"ssh_key_get_as_object"`
	// AvailabilityAsStrings answers GET /instance-availability/{type} with
	// "true"/"false" strings, as some deployments do.
	AvailabilityAsStrings bool `json:"availability_as_strings"`
	// TokenTTL is the access tokens' lifetime.
	TokenTTL core.Duration `json:"token_ttl"`
	// TokenFormOnly refuses JSON at the token endpoint, like deployments that
	// accept only form bodies.
	TokenFormOnly bool `json:"token_form_only"`
	// ScriptQuota caps the project's startup scripts.
	ScriptQuota int `json:"script_quota"`

	// ProvisionDelay is how long a deploy takes from ordered to running;
	// ActionDelay how long start, shutdown, delete and volume changes take.
	ProvisionDelay core.Duration `json:"provision_delay"`
	ActionDelay    core.Duration `json:"action_delay"`
	// DeployOutcome makes deploys end in "error", "no_capacity" or
	// "installation_failed" instead of running, or "stall" in provisioning.
	DeployOutcome string `json:"deploy_outcome" enum:"error no_capacity installation_failed stall"`
	// OfflineBeforeRunning passes deploys through "offline" on the way to
	// running, as real deploys sometimes do.
	OfflineBeforeRunning bool `json:"offline_before_running"`
	// ImageAsID reports an instance's image as the image's ID rather than the
	// image type it was deployed with.
	ImageAsID bool `json:"image_as_id"`
	// ObjectsAsIDs answers the lists document 002's schemas give as strings
	// with IDs alone, where its examples show objects: a volume's instances,
	// a cluster's worker nodes and shared volumes.
	ObjectsAsIDs bool `json:"objects_as_ids"`
	// DeploymentOutcome makes container deployments end "unhealthy" or
	// "quota_reached" instead of healthy, or pull their image forever.
	DeploymentOutcome string `json:"deployment_outcome" enum:"unhealthy quota_reached pull_forever"`
}

// DefaultSwitches behave like the real API.
func DefaultSwitches() Switches {
	return Switches{
		RateLimits:      true,
		RateLimitWindow: core.Duration(time.Minute),
		ProjectLimit:    500,
		EndpointLimit:   60,
		CreatedIDFormat: "text",
		TokenTTL:        core.Duration(time.Hour),
		ScriptQuota:     100,
		ProvisionDelay:  core.Duration(3 * time.Second),
		ActionDelay:     core.Duration(time.Second),
	}
}

// endpointLimits are the route-specific policies of the document.
var endpointLimits = map[string]int{"GET " + Prefix + "/instances": 120, "GET " + Prefix + "/volumes": 120}

// Cloud is the simulated Verda project.
type Cloud struct {
	// Capacity limits launches per instance type and location code.
	Capacity core.Capacity

	opts     Options
	switches *core.Switches[Switches]
	window   *core.Window

	mu        sync.Mutex
	catalog   Catalog
	tokens    map[string]time.Time // access token -> expiry
	refresh   map[string]bool
	keys      map[string]*sshKey
	scripts   map[string]*script
	instances map[string]*instance
	volumes   map[string]*volume
	secrets   map[string]*Secret
	registry  map[string]*RegistryCredentials
	deploys   map[string]*Deployment
	jobs      map[string]*Job
	clusters  map[string]*cluster
	Order     int64
	now       func() time.Time
}

// New returns an empty project with the default catalogue.
func New(opts Options) *Cloud {
	if opts.ClientID == "" {
		opts.ClientID = DefaultClientID
	}
	if opts.ClientSecret == "" {
		opts.ClientSecret = DefaultClientSecret
	}
	c := &Cloud{opts: opts, switches: core.NewSwitches(DefaultSwitches()), window: core.NewWindow(), now: time.Now}
	c.Reset()
	return c
}

func (c *Cloud) Name() string   { return "verda" }
func (c *Cloud) Prefix() string { return Prefix }

// Reset forgets all objects and tokens and restores the default catalogue and switches.
func (c *Cloud) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.catalog = DefaultCatalog()
	c.tokens = map[string]time.Time{}
	c.refresh = map[string]bool{}
	c.keys = map[string]*sshKey{}
	c.scripts = map[string]*script{}
	c.instances = map[string]*instance{}
	c.volumes = map[string]*volume{}
	c.secrets = map[string]*Secret{}
	c.registry = map[string]*RegistryCredentials{}
	c.deploys = map[string]*Deployment{}
	c.jobs = map[string]*Job{}
	c.clusters = map[string]*cluster{}
	c.switches.Reset()
	c.window.Reset()
}

// Switches returns the current switches.
func (c *Cloud) Switches() any { return c.switches.Get() }

// SetSwitches merges a partial JSON object into the switches.
func (c *Cloud) SetSwitches(raw json.RawMessage) error { return c.switches.Merge(raw) }

// Shapes are the answer variants switched on.
func (c *Cloud) Shapes() core.Shapes { return c.switches.Get().Shapes }

// Wire is what the variants need to know of the cloud's answers.
func (c *Cloud) Wire() core.Wire { return wire }

// wire: the document marks nearly every field required; these are the ones
// Verda sends null in practice (no IP yet, a detached volume, no script).
var wire = core.Wire{
	Optional: core.Names("ip", "jupyter_token", "startup_script_id", "instance_id", "target", "deleted_at",
		"is_permanently_deleted", "long_term", "base_hourly_cost", "tags"),
}

// ConsoleAuth authenticates a request as another user of the account.
func (c *Cloud) ConsoleAuth(r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	token := "sim-console-" + core.NewObjectID(false)
	c.tokens[token] = time.Now().Add(time.Hour)
	r.Header.Set("Authorization", "Bearer "+token)
}

// newID is the ID of a new object, an integer when the switch says so.
// newID is always a UUID: document 002 defines Verda's IDs as UUIDs, so
// ids_as_numbers, a shape the other documents allow, is not Verda's.
func (c *Cloud) newID() string { return core.NewObjectID(false) }

// UpdateSwitches changes switches from Go.
func (c *Cloud) UpdateSwitches(f func(*Switches)) { c.switches.Update(f) }

// UpdateCatalog changes the catalogue (prices, availability) from Go.
func (c *Cloud) UpdateCatalog(f func(*Catalog)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f(&c.catalog)
}

// Objects lists what the project holds. Instances and volumes outside the
// trash are billed; SSH keys and scripts cost nothing.
func (c *Cloud) Objects() []core.Object {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	var out []core.Object
	for _, i := range c.instances {
		out = append(out, core.Object{Cloud: "verda", Kind: "instance", ID: i.ID, Name: i.Hostname, Status: i.Status, Billed: true})
	}
	for _, v := range c.volumes {
		out = append(out, core.Object{Cloud: "verda", Kind: "volume", ID: v.ID, Name: v.Name, Status: v.Status, Billed: v.Status != volumeDeleted})
	}
	for _, k := range c.keys {
		out = append(out, core.Object{Cloud: "verda", Kind: "ssh_key", ID: k.ID, Name: k.Name})
	}
	for _, s := range c.scripts {
		out = append(out, core.Object{Cloud: "verda", Kind: "startup_script", ID: s.ID, Name: s.Name})
	}
	for _, s := range c.secrets {
		out = append(out, core.Object{Cloud: "verda", Kind: "secret", ID: s.Name, Name: s.Name, Status: s.Type})
	}
	for _, d := range c.deploys {
		out = append(out, core.Object{Cloud: "verda", Kind: "container_deployment", ID: d.Name, Name: d.Name, Status: d.status(c.now()), Billed: true})
	}
	for _, cl := range c.clusters {
		out = append(out, core.Object{Cloud: "verda", Kind: "cluster", ID: cl.ID, Name: cl.Hostname, Status: cl.Status, Billed: true})
	}
	for _, j := range c.jobs {
		out = append(out, core.Object{Cloud: "verda", Kind: "serverless_job", ID: j.Name, Name: j.Name, Billed: true})
	}
	for _, rc := range c.registry {
		out = append(out, core.Object{Cloud: "verda", Kind: "registry_credentials", ID: rc.Name, Name: rc.Name, Status: rc.Type})
	}
	return out
}

// errorBody is the document's PublicApiErrorResponseDto.
type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (c *Cloud) ErrorBody(status int, code, message string) any {
	if documented, ok := codeForStatus[status]; ok && !strings.Contains(code, "_") {
		code = documented
	}
	if status == http.StatusTooManyRequests {
		code = "rate_limit_exceeded"
	} else if status >= 500 && status != http.StatusServiceUnavailable {
		code = "server_error"
	}
	return errorBody{Code: code, Message: message}
}

var codeForStatus = map[int]string{
	400: "invalid_request", 401: "unauthorized_request", 402: "insufficient_funds", 403: "forbidden_action",
	404: "not_found", 409: "conflict", 429: "rate_limit_exceeded", 500: "server_error", 503: "service_unavailable",
}

func fail(w http.ResponseWriter, status int, message string) {
	core.WriteJSON(w, status, errorBody{Code: codeForStatus[status], Message: message})
}

func failf(w http.ResponseWriter, status int, format string, args ...any) {
	fail(w, status, fmt.Sprintf(format, args...))
}

// Register mounts the API on mux.
func (c *Cloud) Register(mux *http.ServeMux) {
	open := func(pattern string, h http.HandlerFunc) {
		method, path, _ := strings.Cut(pattern, " ")
		mux.Handle(method+" "+Prefix+path, c.limited(h))
	}
	authed := func(pattern string, h http.HandlerFunc) {
		method, path, _ := strings.Cut(pattern, " ")
		mux.Handle(method+" "+Prefix+path, c.authenticated(c.limited(h)))
	}

	mux.HandleFunc("POST "+Prefix+"/oauth2/token", c.token)

	open("GET /instance-types", c.listInstanceTypes)
	open("GET /container-types", c.listContainerTypes)
	authed("GET /serverless-compute-resources", c.listComputeResources)
	authed("GET /secrets", c.listSecrets)
	authed("POST /secrets", c.createSecret("generic"))
	authed("DELETE /secrets/{name}", c.deleteSecret("generic"))
	authed("GET /file-secrets", c.listSecrets)
	authed("POST /file-secrets", c.createSecret("file-secret"))
	authed("DELETE /file-secrets/{name}", c.deleteSecret("file-secret"))
	authed("GET /container-deployments", c.listDeployments)
	authed("POST /container-deployments", c.createDeployment)
	authed("GET /container-deployments/{name}", c.getDeployment)
	authed("PATCH /container-deployments/{name}", c.patchDeployment)
	authed("DELETE /container-deployments/{name}", c.deleteDeployment)
	authed("GET /container-deployments/{name}/scaling", c.getScaling)
	authed("PATCH /container-deployments/{name}/scaling", c.patchScaling)
	authed("GET /container-deployments/{name}/status", c.deploymentStatus)
	authed("GET /container-deployments/{name}/replicas", c.deploymentReplicas)
	authed("GET /container-deployments/{name}/system-logs", c.deploymentLogs)
	open("GET /cluster-types", c.listClusterTypes)
	authed("GET /cluster-availability", c.clusterAvailability)
	authed("GET /images/cluster", c.listClusterImages)
	authed("GET /clusters", c.listClusters)
	authed("POST /clusters", c.deployCluster)
	authed("PUT /clusters", c.clusterAction)
	authed("GET /clusters/{id}", c.getCluster)
	authed("GET /job-deployments", c.listJobs)
	authed("POST /job-deployments", c.createJob)
	authed("GET /job-deployments/{name}", c.getJob)
	authed("PATCH /job-deployments/{name}", c.patchJob)
	authed("DELETE /job-deployments/{name}", c.deleteJob)
	authed("GET /job-deployments/{name}/scaling", c.getJobScaling)
	authed("GET /job-deployments/{name}/status", c.jobStatus)
	authed("GET /container-registry-credentials", c.listRegistryCredentials)
	authed("POST /container-registry-credentials", c.createRegistryCredentials)
	authed("DELETE /container-registry-credentials/{name}", c.deleteRegistryCredentials)
	authed("GET /balance", c.balance)
	for _, kind := range []string{"instances", "volumes", "clusters"} {
		authed("POST /"+kind+"/{id}/tags", c.addTag(kind))
		authed("DELETE /"+kind+"/{id}/tags/{tag}", c.deleteTag(kind))
	}
	open("GET /long-term/periods", c.listLongTermPeriods)
	open("GET /long-term/periods/instances", c.listLongTermPeriods)
	open("GET /long-term/periods/clusters", c.listLongTermPeriods)
	authed("GET /locations", c.listLocations)
	authed("GET /images", c.listImages)
	authed("GET /instance-availability", c.listAvailability)
	authed("GET /instance-availability/{type}", c.availability)
	authed("GET /volume-types", c.listVolumeTypes)

	for _, base := range []string{"/ssh-keys", "/sshkeys"} {
		authed("GET "+base, c.listKeys)
		authed("POST "+base, c.createKey)
		authed("DELETE "+base, c.deleteKeys)
		authed("GET "+base+"/{id}", c.getKey)
		authed("DELETE "+base+"/{id}", c.deleteKey)
	}

	authed("GET /instances", c.listInstances)
	authed("POST /instances", c.deployInstance)
	authed("PUT /instances", c.instanceAction)
	authed("GET /instances/{id}", c.getInstance)

	authed("GET /volumes", c.listVolumes)
	authed("POST /volumes", c.createVolume)
	authed("PUT /volumes", c.volumeAction)
	authed("GET /volumes/trash", c.listTrash)
	authed("GET /volumes/{id}", c.getVolume)
	authed("DELETE /volumes/{id}", c.deleteVolume)

	authed("GET /scripts", c.listScripts)
	authed("POST /scripts", c.createScript)
	authed("DELETE /scripts", c.deleteScripts)
	authed("GET /scripts/{id}", c.getScript)
	authed("DELETE /scripts/{id}", c.deleteScript)

	mux.HandleFunc(Prefix+"/", func(w http.ResponseWriter, r *http.Request) {
		failf(w, http.StatusNotFound, "Resource not found, or invalid path: %s %s", r.Method, r.URL.Path)
	})
}

// answerCreated sends a new object's ID in the configured format.
func (c *Cloud) answerCreated(w http.ResponseWriter, status int, id string) {
	switch c.switches.Get().CreatedIDFormat {
	case "json_string":
		core.WriteJSON(w, status, id)
	case "json_object":
		core.WriteJSON(w, status, map[string]string{"id": id})
	default:
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(id))
	}
}

func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		failf(w, http.StatusBadRequest, "Invalid request body: %v", err)
		return false
	}
	return true
}

// idList reads the document's "single ID or array of IDs" fields.
func idList(raw json.RawMessage) []string {
	var many []string
	if json.Unmarshal(raw, &many) == nil {
		return many
	}
	var one string
	if json.Unmarshal(raw, &one) == nil && one != "" {
		return []string{one}
	}
	return nil
}
