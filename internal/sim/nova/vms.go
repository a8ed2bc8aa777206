package nova

import (
	"fmt"
	"math"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

type node struct {
	Name, Location, GPUType string
	GPURAMMB, Total, Free   int
	Price, Interruptible    float64
}

func defaultNodes() map[string]*node {
	return map[string]*node{
		"vm01": {Name: "vm01", Location: "Ashburn, US", GPUType: "5090", GPURAMMB: 32768, Total: 8, Free: 8, Price: 0.69, Interruptible: 0.35},
		"vm02": {Name: "vm02", Location: "Ashburn, US", GPUType: "4090", GPURAMMB: 24576, Total: 8, Free: 8, Price: 0.39, Interruptible: 0.20},
		"vm03": {Name: "vm03", Location: "Frankfurt, DE", GPUType: "6000pro", GPURAMMB: 98304, Total: 4, Free: 4, Price: 1.29, Interruptible: 0.65},
	}
}

// SetNodePrice changes a node's on-demand price, for tests that compare offers.
func (c *Cloud) SetNodePrice(name string, price float64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if n, ok := c.nodes[name]; ok {
		n.Price = price
	}
}

type step struct {
	At     time.Time
	Status string
	Gone   bool
}

type vm struct {
	ID, Node, Label, GPUType, IP, Status, RentalType, AuthMethod string
	VMID, GPUCount, StorageGB, RAMGB, CPUCores, Template, Months int
	HourlyRate                                                   float64
	CreatedAt                                                    time.Time
	StartedAt, StoppedAt                                         *time.Time
	Plan                                                         []step
}

// settle applies due status changes. Callers hold c.mu.
func (c *Cloud) settle() {
	now := c.now()
	for id, v := range c.vms {
		rest := v.Plan[:0]
		for _, s := range v.Plan {
			switch {
			case s.At.After(now):
				rest = append(rest, s)
			case s.Gone:
				delete(c.vms, id)
			default:
				v.Status = s.Status
				t := s.At
				if s.Status == "running" {
					v.StartedAt, v.StoppedAt = &t, nil
				} else if s.Status == "stopped" {
					v.StoppedAt = &t
				}
			}
		}
		v.Plan = rest
	}
}

func (c *Cloud) vmBody(v *vm) map[string]any {
	b := map[string]any{
		"id": v.ID, "vmid": v.VMID, "node": v.Node, "instance_label": v.Label, "gpu_type": v.GPUType, "gpu_count": v.GPUCount,
		"storage_gb": v.StorageGB, "ram_gb": v.RAMGB, "cpu_cores": v.CPUCores, "ip_address": nil, "status": v.Status,
		"created_at": v.CreatedAt.UTC().Format(time.RFC3339), "started_at": nil, "stopped_at": nil,
		"rental_type": v.RentalType, "hourly_rate": v.HourlyRate, "template_vmid": v.Template,
	}
	if v.Status == "running" {
		b["ip_address"] = v.IP
	}
	if v.StartedAt != nil {
		b["started_at"] = v.StartedAt.UTC().Format(time.RFC3339)
	}
	if v.StoppedAt != nil {
		b["stopped_at"] = v.StoppedAt.UTC().Format(time.RFC3339)
	}
	return b
}

func (c *Cloud) listVMs(w http.ResponseWriter, r *http.Request, _ caller) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	all := make([]*vm, 0, len(c.vms))
	for _, v := range c.vms {
		all = append(all, v)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].VMID < all[j].VMID })
	got, ok := page(r, all)
	if !ok {
		invalid(w, "limit", "limit must be 1 to 500 and offset at least 0")
		return
	}
	out := make([]map[string]any, 0, len(got))
	for _, v := range got {
		out = append(out, c.vmBody(v))
	}
	core.WriteJSON(w, http.StatusOK, out)
}

func (c *Cloud) lookup(w http.ResponseWriter, r *http.Request) (*vm, bool) {
	c.settle()
	v, ok := c.vms[r.PathValue("id")]
	if !ok {
		fail(w, http.StatusNotFound, "VM not found")
	}
	return v, ok
}

func (c *Cloud) getVM(w http.ResponseWriter, r *http.Request, _ caller) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.lookup(w, r); ok {
		core.WriteJSON(w, http.StatusOK, c.vmBody(v))
	}
}

var reservationDiscount = map[int]float64{1: 0.10, 3: 0.20, 6: 0.30}

func (c *Cloud) createVM(w http.ResponseWriter, r *http.Request, _ caller) {
	var req struct {
		Node              string `json:"node"`
		GPUType           string `json:"gpu_type"`
		GPUCount          int    `json:"gpu_count"`
		StorageGB         int    `json:"storage_gb"`
		TemplateVMID      int    `json:"template_vmid"`
		RentalType        string `json:"rental_type"`
		ReservationMonths int    `json:"reservation_months"`
		AuthMethod        string `json:"auth_method"`
		SSHKeyID          string `json:"ssh_key_id"`
		Password          string `json:"password"`
	}
	if !decode(w, r, &req) {
		return
	}
	if req.RentalType == "" {
		req.RentalType = "on_demand"
	}
	if req.AuthMethod == "" {
		req.AuthMethod = "ssh_key"
	}
	sw := c.switches.Get()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	n, ok := c.nodes[req.Node]
	if field, msg := c.validateCreate(ok, n, req.GPUType, req.GPUCount, req.StorageGB, req.TemplateVMID, req.RentalType,
		req.ReservationMonths, req.AuthMethod, req.SSHKeyID, req.Password, req.Node); field != "" {
		invalid(w, field, msg)
		return
	}
	// Nova documents no capacity error; its table has 400 for a request it refuses.
	noRoom := func() { fail(w, http.StatusBadRequest, "Not enough %s GPUs available on %s", n.GPUType, n.Name) }
	if n.Free < req.GPUCount {
		noRoom()
		return
	}
	rate := n.Price * float64(req.GPUCount)
	switch req.RentalType {
	case "interruptible":
		rate = n.Interruptible * float64(req.GPUCount)
	case "reserved":
		rate *= 1 - reservationDiscount[req.ReservationMonths]
	}
	rate = math.Round(rate*100) / 100
	if sw.Balance < rate {
		fail(w, http.StatusBadRequest, "Insufficient balance. Required: $%.2f, Available: $%.2f", rate, sw.Balance)
		return
	}
	// Taken last, so that only a create that succeeds uses the room.
	if !c.Capacity.Take(n.GPUType, n.Name) {
		noRoom()
		return
	}
	c.nextID++
	now := c.now()
	n.Free -= req.GPUCount
	v := &vm{
		ID: c.newID(), VMID: int(c.nextID), Node: n.Name, Label: "nova-" + strconv.FormatInt(c.nextID, 10), GPUType: n.GPUType,
		GPUCount: req.GPUCount, StorageGB: req.StorageGB, RAMGB: 64 * req.GPUCount, CPUCores: 16 * req.GPUCount,
		IP: fmt.Sprintf("100.64.0.%d", c.nextID%250+2), Status: "creating", RentalType: req.RentalType, AuthMethod: req.AuthMethod,
		Template: req.TemplateVMID, Months: req.ReservationMonths, HourlyRate: rate, CreatedAt: now,
	}
	boot := time.Duration(sw.BootDelay)
	v.Plan = append(v.Plan, step{At: now.Add(boot / 2), Status: "starting"})
	final := "running"
	if sw.CreateOutcome != "" {
		final = sw.CreateOutcome
	}
	v.Plan = append(v.Plan, step{At: now.Add(boot), Status: final})
	c.vms[v.ID] = v
	core.WriteJSON(w, http.StatusCreated, c.vmBody(v))
}

// validateCreate returns the field and message of the first invalid input.
func (c *Cloud) validateCreate(known bool, n *node, gpuType string, count, storage, template int, rental string, months int, auth, keyID, password, nodeName string) (string, string) {
	switch {
	case !known:
		return "node", "unknown node " + strconv.Quote(nodeName)
	case gpuType != n.GPUType:
		return "gpu_type", fmt.Sprintf("node %s has %s GPUs, not %s", n.Name, n.GPUType, gpuType)
	case !slices.Contains([]int{1, 2, 4, 8}, count):
		return "gpu_count", "gpu_count must be 1, 2, 4 or 8"
	case storage < 50:
		return "storage_gb", "storage_gb must be at least 50"
	case template < 100 || template > 104:
		return "template_vmid", "template_vmid must be one of 100, 101, 102, 103, 104"
	case !slices.Contains([]string{"on_demand", "reserved", "interruptible"}, rental):
		return "rental_type", "rental_type must be on_demand, reserved or interruptible"
	case rental == "reserved" && reservationDiscount[months] == 0:
		return "reservation_months", "reserved rentals need reservation_months of 1, 3 or 6"
	case rental != "reserved" && months != 0:
		return "reservation_months", "reservation_months applies to reserved rentals only"
	case auth == "ssh_key" && c.keys[keyID] == nil:
		return "ssh_key_id", "ssh_key_id must name one of your SSH keys"
	case auth == "password" && len(password) < 8:
		return "password", "password must be at least 8 characters"
	case auth != "ssh_key" && auth != "password":
		return "auth_method", "auth_method must be ssh_key or password"
	}
	return "", ""
}

func (c *Cloud) deleteVM(w http.ResponseWriter, r *http.Request, _ caller) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.lookup(w, r)
	if !ok {
		return
	}
	if v.Status != "destroyed" {
		c.nodes[v.Node].Free += v.GPUCount
	}
	v.Status = "destroyed"
	v.Plan = []step{{At: c.now().Add(time.Duration(c.switches.Get().StopDelay)), Gone: true}}
	w.WriteHeader(http.StatusNoContent)
}

func (c *Cloud) powerVM(action string) func(http.ResponseWriter, *http.Request, caller) {
	return func(w http.ResponseWriter, r *http.Request, _ caller) {
		c.mu.Lock()
		defer c.mu.Unlock()
		v, ok := c.lookup(w, r)
		if !ok {
			return
		}
		sw := c.switches.Get()
		now := c.now()
		switch {
		case action == "start" && (v.Status == "stopped" || v.Status == "interrupted"):
			v.Status = "starting"
			v.Plan = []step{{At: now.Add(time.Duration(sw.BootDelay) / 2), Status: "running"}}
		case action == "stop" && v.Status == "running":
			v.Status = "stopping"
			v.Plan = []step{{At: now.Add(time.Duration(sw.StopDelay)), Status: "stopped"}}
		default:
			fail(w, http.StatusBadRequest, "Cannot %s a VM that is %s", action, v.Status)
			return
		}
		core.WriteJSON(w, http.StatusOK, c.vmBody(v))
	}
}

func (c *Cloud) search(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	out := []map[string]any{}
	for _, name := range []string{"vm01", "vm02", "vm03"} {
		n := c.nodes[name]
		for _, count := range []int{1, 2, 4, 8} {
			if count > n.Total {
				continue
			}
			out = append(out, map[string]any{
				"gpu_type": n.GPUType, "gpu_count": count, "gpu_ram_mb": n.GPURAMMB, "gpu_price_hourly": n.Price,
				"interruptible_rate": n.Interruptible, "available": n.Free >= count, "location": n.Location, "node": n.Name,
			})
		}
	}
	core.WriteJSON(w, http.StatusOK, out)
}

func (c *Cloud) pricing(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	gpus := map[string]float64{}
	for _, n := range c.nodes {
		gpus[n.GPUType] = n.Price
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"gpus": gpus})
}

func (c *Cloud) currentSpend(w http.ResponseWriter, r *http.Request, _ caller) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	spend := 0.0
	for _, v := range c.vms {
		if v.Status != "destroyed" {
			spend += v.HourlyRate
		}
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"hourly_spend": spend, "balance": c.switches.Get().Balance, "currency": "usd"})
}

// SetStatus changes a VM's status behind the API's back.
func (c *Cloud) SetStatus(id, status string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.vms[id]
	if ok {
		v.Status, v.Plan = status, nil
	}
	return ok
}
