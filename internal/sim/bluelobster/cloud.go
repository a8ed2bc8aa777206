// Package bluelobster simulates Blue Lobster's API under /bluelobster/api/v1:
// async tasks that move through PENDING, PROCESSING and COMPLETED, capacity
// per region and instance type, a Proxmox-style firewall whose rule positions
// shift on delete, extra IPs, backup schedules, and the field quirks public
// clients report, each behind a switch. Its wire types are written from the
// document, not shared with the provider's client.
package bluelobster

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

// Prefix is where the API is mounted.
const Prefix = "/bluelobster/api/v1"

// DefaultAPIKey is the key the simulator accepts.
const DefaultAPIKey = "sim-bluelobster-key"

// Options configure the simulated account.
type Options struct {
	APIKey string
}

// Switches change how the simulated API behaves.
type Switches struct {
	core.Shapes
	// TaskDelay is how long a task stays PENDING and then PROCESSING.
	TaskDelay core.Duration `json:"task_delay"`
	// LaunchOutcome makes launch tasks end "FAILED" (after the VM was made),
	// "FAILED_NO_VM" (before), or "CANCELLED".
	LaunchOutcome string `json:"launch_outcome" enum:"FAILED FAILED_NO_VM CANCELLED"`
	// PowerStatusNull reports power_status as null on running VMs.
	PowerStatusNull bool `json:"power_status_null"`
	// DropMetadata accepts metadata but never returns it.
	DropMetadata bool `json:"drop_metadata"`
	// RenameTemplate reports another template name than the one launched.
	RenameTemplate bool `json:"rename_template"`
	// NestedErrors answers {"detail": {"error", "message"}} instead of {"error", "message"}.
	NestedErrors bool `json:"nested_errors"`
	// DeleteNotFoundTimes answers this many deletes of a live VM with 404.
	DeleteNotFoundTimes int `json:"delete_not_found_times"`
	// RulesInsertAtTop adds new firewall rules at the top rather than the
	// bottom: the document does not say which.
	RulesInsertAtTop bool `json:"rules_insert_at_top"`
	// OneInstanceAsObject answers GET /instances, when the account has one
	// instance, with that instance alone, as the document's example shows
	// the list.
	OneInstanceAsObject bool `json:"one_instance_as_object"`
}

// DefaultSwitches behave like the document; quirks are off.
func DefaultSwitches() Switches {
	return Switches{TaskDelay: core.Duration(time.Second)}
}

// Cloud is the simulated Blue Lobster account.
type Cloud struct {
	// Capacity limits launches per instance type and region, beyond what SetCapacity lists.
	Capacity core.Capacity

	opts     Options
	switches *core.Switches[Switches]
	now      func() time.Time

	mu        sync.Mutex
	types     []InstanceType
	capacity  map[string]map[string]int // region -> type -> free
	instances map[string]*instance
	tasks     map[string]*task
	freeIPs   map[string][]string // region -> unassigned addresses
	deleteNF  map[string]int
	Order     int64
}

// New returns an account with the default catalogue.
func New(opts Options) *Cloud {
	if opts.APIKey == "" {
		opts.APIKey = DefaultAPIKey
	}
	c := &Cloud{opts: opts, switches: core.NewSwitches(DefaultSwitches()), now: time.Now}
	c.Reset()
	return c
}

func (c *Cloud) Name() string   { return "bluelobster" }
func (c *Cloud) Prefix() string { return Prefix }

// Reset restores the catalogue and switches and forgets every object.
func (c *Cloud) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.types, c.capacity = defaultCatalog()
	c.instances = map[string]*instance{}
	c.tasks = map[string]*task{}
	c.deleteNF = map[string]int{}
	c.freeIPs = map[string][]string{}
	for i := 10; i < 250; i++ {
		c.freeIPs["igl"] = append(c.freeIPs["igl"], "192.0.2."+itoa(i))
		c.freeIPs["phl"] = append(c.freeIPs["phl"], "198.18.0."+itoa(i))
	}
	c.switches.Reset()
}

func (c *Cloud) Switches() any                         { return c.switches.Get() }
func (c *Cloud) SetSwitches(raw json.RawMessage) error { return c.switches.Merge(raw) }

// Shapes are the answer variants switched on.
func (c *Cloud) Shapes() core.Shapes { return c.switches.Get().Shapes }

// Wire is what the variants need to know of the cloud's answers.
func (c *Cloud) Wire() core.Wire { return wire }

// wire: the document's instance has uuid, name, ip_address, cpu_cores,
// memory, storage, gpu_count, gpu_model, power_status and created_at (and
// region when read alone); the rest public clients report is optional.
var wire = core.Wire{
	Optional: core.Names("host_id", "region", "internal_ip", "metadata", "instance_type", "price_cents_per_hour", "team_id",
		"team_name", "template_name", "os_type", "vm_username", "last_backup", "next_backup", "interface_name", "mac_address",
		"assigned_at", "bridge", "message", "operation", "notes", "format", "instance_name"),
	Dictionaries: core.Names("metadata"),
}

// ConsoleAuth authenticates a request as another user of the account.
func (c *Cloud) ConsoleAuth(r *http.Request) {
	r.Header.Set("X-API-Key", c.opts.APIKey)
}

// newID is the ID of a new object, an integer when the switch says so.
func (c *Cloud) newID() string { return core.NewObjectID(c.switches.Get().IDsAsNumbers) }

// UpdateSwitches changes switches from Go.
func (c *Cloud) UpdateSwitches(f func(*Switches)) { c.switches.Update(f) }

// SetCapacity sets how many instances of a type a region can still launch.
func (c *Cloud) SetCapacity(region, instanceType string, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.capacity[region] == nil {
		c.capacity[region] = map[string]int{}
	}
	c.capacity[region][instanceType] = n
}

// Objects lists instances, their backups and their extra IPs, all billed
// (backup storage past the free tier).
func (c *Cloud) Objects() []core.Object {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	var out []core.Object
	for _, i := range c.instances {
		out = append(out, core.Object{Cloud: "bluelobster", Kind: "instance", ID: i.UUID, Name: i.Name, Status: i.Power, Billed: true})
		for _, b := range i.Backups {
			out = append(out, core.Object{Cloud: "bluelobster", Kind: "backup", ID: b.VolID, Name: b.Notes, Status: "stored", Billed: true})
		}
		for _, ip := range i.IPs[1:] {
			out = append(out, core.Object{Cloud: "bluelobster", Kind: "extra_ip", ID: i.UUID + "/" + ip.Address, Name: ip.Address, Billed: true})
		}
	}
	return out
}

// ErrorBody is Blue Lobster's flat error shape; the nested one is a switch.
func (c *Cloud) ErrorBody(status int, code, message string) any {
	body := map[string]string{"error": code, "message": message}
	if c.switches.Get().NestedErrors {
		return map[string]any{"detail": body}
	}
	return body
}

func (c *Cloud) fail(w http.ResponseWriter, status int, code, message string) {
	core.WriteJSON(w, status, c.ErrorBody(status, code, message))
}

// Register mounts the API on mux.
func (c *Cloud) Register(mux *http.ServeMux) {
	handle := func(pattern string, h http.HandlerFunc) {
		method, path, _ := strings.Cut(pattern, " ")
		mux.Handle(method+" "+Prefix+path, c.authenticated(h))
	}
	handle("GET /instances", c.listInstances)
	handle("GET /instances/templates", c.listTemplates)
	handle("GET /instances/available", c.listAvailable)
	handle("POST /instances/launch-instance", c.launch)
	handle("GET /instances/{id}", c.getInstance)
	handle("DELETE /instances/{id}", c.deleteInstance)
	handle("PUT /instances/{id}/rename", c.rename)
	handle("POST /instances/{id}/power-on", c.power("power_on", statusRunning))
	handle("POST /instances/{id}/shutdown", c.power("shutdown", statusStopped))
	handle("POST /instances/{id}/force-shutdown", c.power("force_shutdown", statusStopped))
	handle("GET /instances/{id}/backups", c.listBackups)
	handle("POST /instances/{id}/backup", c.createBackup)
	handle("GET /backups", c.listAllBackups)
	handle("DELETE /backups", c.deleteBackup)
	handle("PUT /backups/notes", c.setBackupNotes)
	handle("GET /instances/{id}/backup-schedule", c.getSchedule)
	handle("POST /instances/{id}/backup-schedule", c.putSchedule)
	handle("DELETE /instances/{id}/backup-schedule", c.deleteSchedule)
	handle("GET /instances/{id}/ips", c.listIPs)
	handle("POST /instances/{id}/ips", c.addIP)
	handle("DELETE /instances/{id}/ips/{ip}", c.releaseIP)
	handle("GET /instances/{id}/firewall", c.getFirewall)
	handle("PUT /instances/{id}/firewall", c.putFirewall)
	handle("POST /instances/{id}/firewall/rules", c.addRule)
	handle("GET /instances/{id}/firewall/rules/{pos}", c.getRule)
	handle("DELETE /instances/{id}/firewall/rules/{pos}", c.deleteRule)
	handle("POST /instances/{id}/team", c.assignTeam)
	handle("DELETE /instances/{id}/team", c.removeTeam)
	handle("GET /teams/{team_id}/instances", c.teamInstances)
	handle("GET /tasks/{id}", c.getTask)
	mux.HandleFunc(Prefix+"/", func(w http.ResponseWriter, r *http.Request) {
		c.fail(w, http.StatusNotFound, "not_found", "Not found: "+r.Method+" "+r.URL.Path)
	})
}

func (c *Cloud) authenticated(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") != c.opts.APIKey {
			c.fail(w, http.StatusUnauthorized, "unauthorized", "Invalid or missing API key")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func decode(c *Cloud, w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		c.fail(w, http.StatusBadRequest, "invalid_request", "Invalid JSON body: "+err.Error())
		return false
	}
	return true
}
