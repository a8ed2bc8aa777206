package bluelobster

import (
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

const (
	statusProvisioning = "provisioning"
	statusRunning      = "running"
	statusStopped      = "stopped"
	statusDeleting     = "deleting"
	statusError        = "error"
)

// InstanceType is a launchable shape.
type InstanceType struct {
	Name, Description, GPUModel string
	PriceCents                  int
	VCPUs, MemoryGiB            int
	StorageGiB, GPUs            int
}

func defaultCatalog() ([]InstanceType, map[string]map[string]int) {
	types := []InstanceType{
		{Name: "cpu_8x", Description: "CPU Instance", PriceCents: 12, VCPUs: 8, MemoryGiB: 32, StorageGiB: 200},
		{Name: "gpu_1x_a4000", Description: "Single GPU Instance", PriceCents: 45, VCPUs: 8, MemoryGiB: 32, StorageGiB: 250, GPUs: 1, GPUModel: "A4000"},
		{Name: "gpu_2x_a6000", Description: "Dual GPU Instance", PriceCents: 160, VCPUs: 24, MemoryGiB: 128, StorageGiB: 1000, GPUs: 2, GPUModel: "A6000"},
		{Name: "gpu_1x_h100", Description: "Single H100 Instance", PriceCents: 249, VCPUs: 26, MemoryGiB: 200, StorageGiB: 1000, GPUs: 1, GPUModel: "H100"},
	}
	capacity := map[string]map[string]int{
		"igl": {"cpu_8x": 20, "gpu_1x_a4000": 10, "gpu_2x_a6000": 2, "gpu_1x_h100": 0},
		"phl": {"cpu_8x": 20, "gpu_1x_a4000": 4, "gpu_1x_h100": 3},
	}
	return types, capacity
}

var templates = []map[string]any{
	{"name": "UBUNTU-22-04", "vmid": 100, "display_name": "Ubuntu 22.04 Server", "os_type": "linux", "has_nvidia": false},
	{"name": "UBUNTU-22-04-NV", "vmid": 101, "display_name": "Ubuntu 22.04 + NVIDIA", "os_type": "linux", "has_nvidia": true},
	{"name": "UBUNTU-22-04-NV-DK", "vmid": 102, "display_name": "Ubuntu 22.04 + NVIDIA + Docker", "os_type": "linux", "has_nvidia": true},
	{"name": "UBUNTU-24-04", "vmid": 103, "display_name": "Ubuntu 24.04 Server", "os_type": "linux", "has_nvidia": false},
	{"name": "DEBIAN-12", "vmid": 104, "display_name": "Debian 12", "os_type": "linux", "has_nvidia": false},
}

type ipAddr struct {
	Address, Interface, MAC string
	AssignedAt              time.Time
}

type instance struct {
	UUID, Name, Region, Type, Template, ISO, Username, HostID, InternalIP string
	TeamID                                                                string
	Metadata                                                              map[string]string
	Power                                                                 string
	CreatedAt                                                             time.Time
	IPs                                                                   []ipAddr
	Firewall                                                              firewall
	Schedule                                                              *schedule
	Backups                                                               []backup
	Spec                                                                  InstanceType
	Order                                                                 int64
}

var namePattern = regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]$`)

func (c *Cloud) instanceBody(i *instance) map[string]any {
	sw := c.switches.Get()
	b := map[string]any{
		"uuid": i.UUID, "name": i.Name, "host_id": i.HostID, "region": i.Region, "ip_address": i.IPs[0].Address,
		"internal_ip": i.InternalIP, "cpu_cores": i.Spec.VCPUs, "memory": i.Spec.MemoryGiB, "storage": i.Spec.StorageGiB,
		"gpu_count": i.Spec.GPUs, "gpu_model": nil, "power_status": i.Power, "created_at": i.CreatedAt.UTC().Format(time.RFC3339),
		"metadata": i.Metadata, "instance_type": i.Type, "price_cents_per_hour": i.Spec.PriceCents, "team_id": nil, "team_name": nil,
		"template_name": i.Template, "os_type": "linux", "vm_username": i.Username,
	}
	if i.Spec.GPUModel != "" {
		b["gpu_model"] = "RTX " + i.Spec.GPUModel
	}
	if team, ok := teamByID(i.TeamID); ok {
		b["team_id"], b["team_name"] = team.ID, team.Name
	}
	if sw.PowerStatusNull && i.Power == statusRunning {
		b["power_status"] = nil
	}
	if sw.DropMetadata {
		delete(b, "metadata")
	}
	if sw.RenameTemplate && i.Template != "" {
		if strings.HasSuffix(i.Template, "-NV") {
			b["template_name"] = i.Template + "-DK"
		} else {
			b["template_name"] = strings.ToLower(i.Template)
		}
	}
	return b
}

// ordered is every instance in launch order. Callers hold c.mu.
func (c *Cloud) ordered() []*instance {
	all := make([]*instance, 0, len(c.instances))
	for _, i := range c.instances {
		all = append(all, i)
	}
	sort.Slice(all, func(a, b int) bool { return all[a].Order < all[b].Order })
	return all
}

func (c *Cloud) listInstances(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	all := c.ordered()
	out := make([]map[string]any, 0, len(all))
	for _, i := range all {
		out = append(out, c.instanceBody(i))
	}
	if len(out) == 1 && c.switches.Get().OneInstanceAsObject {
		core.WriteJSON(w, http.StatusOK, out[0])
		return
	}
	core.WriteJSON(w, http.StatusOK, out)
}

func (c *Cloud) listTemplates(w http.ResponseWriter, r *http.Request) {
	core.WriteJSON(w, http.StatusOK, map[string]any{"templates": templates, "total": len(templates)})
}

func (c *Cloud) listAvailable(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := []map[string]any{}
	for _, t := range c.types {
		regions := []map[string]string{}
		for _, region := range []string{"igl", "phl"} {
			if c.capacity[region][t.Name] > 0 {
				regions = append(regions, map[string]string{"name": region, "description": strings.ToUpper(region)})
			}
		}
		out = append(out, map[string]any{
			"id": t.Name,
			"instance_type": map[string]any{
				"name": t.Name, "description": t.Description, "price_cents_per_hour": t.PriceCents,
				"specs": map[string]any{"vcpus": t.VCPUs, "memory_gib": t.MemoryGiB, "storage_gib": t.StorageGiB, "gpus": t.GPUs, "gpu_model": t.GPUModel},
			},
			"regions_with_capacity_available": regions,
		})
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"data": out})
}

func (c *Cloud) lookup(w http.ResponseWriter, r *http.Request) (*instance, bool) {
	c.settle()
	i, ok := c.instances[r.PathValue("id")]
	if !ok {
		c.fail(w, http.StatusNotFound, "not_found", "Instance not found")
	}
	return i, ok
}

func (c *Cloud) getInstance(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if i, ok := c.lookup(w, r); ok {
		core.WriteJSON(w, http.StatusOK, c.instanceBody(i))
	}
}

func (c *Cloud) takeIP(region string) string {
	ip := c.freeIPs[region][0]
	c.freeIPs[region] = c.freeIPs[region][1:]
	return ip
}

func mac(n int64, nic int) string {
	return fmt.Sprintf("bc:24:11:%02x:%02x:%02x", (n>>8)&0xff, n&0xff, nic)
}

func (c *Cloud) launch(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Region       string            `json:"region"`
		InstanceType string            `json:"instance_type"`
		SSHKey       string            `json:"ssh_key"`
		Name         string            `json:"name"`
		Username     string            `json:"username"`
		Metadata     map[string]string `json:"metadata"`
		TemplateName string            `json:"template_name"`
		ISOURL       string            `json:"iso_url"`
	}
	if !decode(c, w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	var spec *InstanceType
	for i := range c.types {
		if c.types[i].Name == req.InstanceType {
			spec = &c.types[i]
		}
	}
	switch {
	case req.Region != "igl" && req.Region != "phl":
		c.fail(w, http.StatusBadRequest, "invalid_region", "Unknown region "+strconv.Quote(req.Region))
		return
	case spec == nil:
		c.fail(w, http.StatusBadRequest, "invalid_instance_type", "Unknown instance type "+strconv.Quote(req.InstanceType))
		return
	case req.SSHKey == "" || !strings.HasPrefix(req.SSHKey, "ssh-"):
		c.fail(w, http.StatusBadRequest, "invalid_ssh_key", "ssh_key must be an SSH public key")
		return
	case strings.HasSuffix(req.SSHKey, "\n"):
		c.fail(w, http.StatusBadRequest, "invalid_ssh_key", "ssh_key must not end with a newline")
		return
	case req.Name != "" && (len(req.Name) > 64 || !namePattern.MatchString(req.Name)):
		c.fail(w, http.StatusBadRequest, "invalid_name", "name must be letters, digits and hyphens, at most 64, not starting or ending with a hyphen")
		return
	case req.TemplateName != "" && req.ISOURL != "":
		c.fail(w, http.StatusBadRequest, "invalid_request", "Use template_name or iso_url, not both")
		return
	case c.capacity[req.Region][req.InstanceType] <= 0 || !c.Capacity.Take(req.InstanceType, req.Region):
		c.fail(w, http.StatusConflict, "no_capacity", fmt.Sprintf("No capacity for %s in %s", req.InstanceType, req.Region))
		return
	}
	if req.TemplateName == "" && req.ISOURL == "" {
		req.TemplateName = "UBUNTU-22-04"
		if spec.GPUs > 0 {
			req.TemplateName = "UBUNTU-22-04-NV"
		}
	}
	if req.Username == "" {
		req.Username = "ubuntu"
	}
	if req.Name == "" {
		req.Name = "vm-" + strconv.FormatInt(c.Order+1, 10)
	}
	c.Order++
	c.capacity[req.Region][req.InstanceType]--
	now := c.now()
	i := &instance{
		UUID: c.newID(), Name: req.Name, Region: req.Region, Type: req.InstanceType, Template: req.TemplateName, ISO: req.ISOURL,
		Username: req.Username, HostID: req.Region + "-gpu-0" + strconv.Itoa(1+int(c.Order%4)), InternalIP: "10.10.0." + strconv.FormatInt(10+c.Order, 10),
		Metadata: req.Metadata, Power: statusProvisioning, CreatedAt: now, Spec: *spec, Order: c.Order,
		Firewall: firewall{PolicyIn: "DROP", PolicyOut: "ACCEPT"},
	}
	i.IPs = []ipAddr{{Address: c.takeIP(req.Region), Interface: "net0", MAC: mac(c.Order, 0), AssignedAt: now}}
	c.instances[i.UUID] = i

	t := c.newTask("create_instance", i.UUID)
	t.IP = i.IPs[0].Address
	switch c.switches.Get().LaunchOutcome {
	case "FAILED":
		t.Final, t.Message = "FAILED", "Provisioning failed on host "+i.HostID
		t.SetPower = statusError
	case "FAILED_NO_VM", "CANCELLED":
		t.Final, t.Message = strings.TrimSuffix(c.switches.Get().LaunchOutcome, "_NO_VM"), "The VM could not be created"
		t.Remove = true
	default:
		t.SetPower = statusRunning
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"task_id": t.ID, "vm_uuid": i.UUID, "assigned_ip": i.IPs[0].Address, "status": t.Status})
}

// remove deletes an instance and gives back its capacity and addresses.
func (c *Cloud) remove(i *instance) {
	delete(c.instances, i.UUID)
	c.capacity[i.Region][i.Type]++
	for _, ip := range i.IPs {
		c.freeIPs[i.Region] = append(c.freeIPs[i.Region], ip.Address)
	}
}

func (c *Cloud) deleteInstance(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	if c.deleteNF[i.UUID] < c.switches.Get().DeleteNotFoundTimes {
		c.deleteNF[i.UUID]++
		c.fail(w, http.StatusNotFound, "not_found", "Instance not found")
		return
	}
	i.Power = statusDeleting
	t := c.newTask("delete_instance", i.UUID)
	t.Remove = true
	core.WriteJSON(w, http.StatusOK, map[string]any{"task_id": t.ID, "status": t.Status, "message": "Instance deletion queued"})
}

func (c *Cloud) rename(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name string `json:"name"`
	}
	if !decode(c, w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	if len(req.Name) > 64 || !namePattern.MatchString(req.Name) {
		c.fail(w, http.StatusBadRequest, "invalid_name", "name must be letters, digits and hyphens, at most 64, not starting or ending with a hyphen")
		return
	}
	i.Name = req.Name
	core.WriteJSON(w, http.StatusOK, map[string]any{"message": "Instance renamed successfully", "instance_id": i.UUID, "new_name": i.Name})
}

func (c *Cloud) power(operation, target string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		defer c.mu.Unlock()
		i, ok := c.lookup(w, r)
		if !ok {
			return
		}
		if i.Power != statusRunning && i.Power != statusStopped {
			c.fail(w, http.StatusConflict, "invalid_state", "Instance is "+i.Power)
			return
		}
		t := c.newTask(operation, i.UUID)
		t.SetPower = target
		core.WriteJSON(w, http.StatusOK, map[string]any{"task_id": t.ID, "status": t.Status, "message": "VM " + operation + " queued", "instance_id": i.UUID})
	}
}

// DeleteInstance removes an instance behind the API's back.
func (c *Cloud) DeleteInstance(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.instances[id]
	if ok {
		c.remove(i)
	}
	return ok
}

// SetPower changes an instance's power behind the API's back.
func (c *Cloud) SetPower(id, power string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.instances[id]
	if ok {
		i.Power = power
	}
	return ok
}

// SetPrice changes an instance type's price in cents per hour.
func (c *Cloud) SetPrice(instanceType string, cents int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := range c.types {
		if c.types[i].Name == instanceType {
			c.types[i].PriceCents = cents
		}
	}
}
