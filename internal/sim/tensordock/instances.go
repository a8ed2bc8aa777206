package tensordock

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

const (
	statusStarting = "starting"
	statusRunning  = "running"
	statusStopping = "stopping"
	statusStopped  = "Stopped"
	statusDeleting = "deleting"
)

type portForward struct {
	InternalPort int `json:"internal_port"`
	ExternalPort int `json:"external_port"`
}

type instance struct {
	ID, Name, Image, NodeID string
	Status                  string
	IP                      string
	IPAt                    time.Time
	VCPU, RAMGB, StorageGB  int
	GPUModel                string
	GPUCount                int
	DedicatedIP             bool
	Ports                   []portForward
	Next                    []step
	Order                   int64
}

type step struct {
	At     time.Time
	Status string
	Gone   bool
}

// settle applies due status changes; callers hold c.mu.
func (c *Cloud) settle() {
	now := c.now()
	for id, i := range c.instances {
		rest := i.Next[:0]
		for _, s := range i.Next {
			switch {
			case s.At.After(now):
				rest = append(rest, s)
			case s.Gone:
				c.release(i)
				delete(c.instances, id)
			default:
				i.Status = s.Status
			}
		}
		i.Next = rest
	}
}

func (c *Cloud) schedule(i *instance, after time.Duration, status string) {
	i.Next = append(i.Next, step{At: c.now().Add(after), Status: status})
}

// release gives an instance's resources back to its hostnode.
func (c *Cloud) release(i *instance) {
	n, ok := c.nodes[i.NodeID]
	if !ok {
		return
	}
	n.VCPU += i.VCPU
	n.RAMGB += i.RAMGB
	n.StorageGB += i.StorageGB
	if g, ok := n.GPUs[i.GPUModel]; ok {
		g.Available += i.GPUCount
	}
	for _, p := range i.Ports {
		n.FreePorts = append(n.FreePorts, p.ExternalPort)
	}
	sort.Ints(n.FreePorts)
}

type instanceBody struct {
	Type         string        `json:"type"`
	ID           string        `json:"id"`
	Name         string        `json:"name"`
	Status       string        `json:"status"`
	IPAddress    string        `json:"ipAddress"`
	PortForwards []portForward `json:"portForwards"`
	Resources    struct {
		VCPUCount int                       `json:"vcpu_count"`
		RAMGB     int                       `json:"ram_gb"`
		StorageGB int                       `json:"storage_gb"`
		GPUs      map[string]map[string]any `json:"gpus"`
	} `json:"resources"`
	RateHourly float64 `json:"rateHourly"`
}

func (c *Cloud) rate(i *instance) float64 {
	n := c.nodes[i.NodeID]
	r := float64(i.VCPU)*n.PerVCPUHr + float64(i.RAMGB)*n.PerGBRAMHr + float64(i.StorageGB)*n.PerGBStorageHr
	if g, ok := n.GPUs[i.GPUModel]; ok {
		r += float64(i.GPUCount) * g.PricePerHr
	}
	return float64(int(r*10000+0.5)) / 10000
}

func (c *Cloud) body(i *instance) instanceBody {
	b := instanceBody{Type: "virtualmachine", ID: i.ID, Name: i.Name, Status: i.Status, PortForwards: i.Ports, RateHourly: c.rate(i)}
	if i.Status == statusRunning && !c.now().Before(i.IPAt) {
		b.IPAddress = i.IP
	}
	b.Resources.VCPUCount, b.Resources.RAMGB, b.Resources.StorageGB = i.VCPU, i.RAMGB, i.StorageGB
	b.Resources.GPUs = map[string]map[string]any{}
	if i.GPUCount > 0 {
		b.Resources.GPUs[i.GPUModel] = map[string]any{"count": i.GPUCount, "v0Name": i.GPUModel}
	}
	if b.PortForwards == nil {
		b.PortForwards = []portForward{}
	}
	return b
}

func (c *Cloud) listInstances(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	all := make([]*instance, 0, len(c.instances))
	for _, i := range c.instances {
		all = append(all, i)
	}
	sort.Slice(all, func(a, b int) bool { return all[a].Order < all[b].Order })
	out := make([]instanceBody, 0, len(all))
	for _, i := range all {
		out = append(out, c.body(i))
	}
	if c.switches.Get().ListAsArray {
		core.WriteJSON(w, http.StatusOK, map[string]any{"data": out})
		return
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"instances": out}})
}

func (c *Cloud) lookup(w http.ResponseWriter, r *http.Request) (*instance, bool) {
	c.settle()
	i, ok := c.instances[r.PathValue("id")]
	if !ok {
		c.fail(w, http.StatusNotFound, "Instance not found")
	}
	return i, ok
}

func (c *Cloud) getInstance(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	if c.switches.Get().WrapGet {
		core.WriteJSON(w, http.StatusOK, map[string]any{"data": c.body(i)})
		return
	}
	core.WriteJSON(w, http.StatusOK, c.body(i))
}

type createRequest struct {
	Data struct {
		Type       string `json:"type"`
		Attributes struct {
			Name       string `json:"name"`
			Type       string `json:"type"`
			Image      string `json:"image"`
			HostnodeID string `json:"hostnode_id"`
			LocationID string `json:"location_id"`
			Resources  struct {
				VCPUCount int                       `json:"vcpu_count"`
				RAMGB     int                       `json:"ram_gb"`
				StorageGB int                       `json:"storage_gb"`
				GPUs      map[string]map[string]int `json:"gpus"`
			} `json:"resources"`
			PortForwards []portForward  `json:"port_forwards"`
			SSHKeyID     string         `json:"ssh_key_id"`
			SSHKey       string         `json:"ssh_key"`
			DedicatedIP  bool           `json:"useDedicatedIp"`
			CloudInit    map[string]any `json:"cloud_init"`
		} `json:"attributes"`
	} `json:"data"`
}

// noNodes is TensorDock's answer when no hostnode can take the request.
const noNodes = "No available nodes found"

func (c *Cloud) createInstance(w http.ResponseWriter, r *http.Request) {
	var req createRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		c.fail(w, http.StatusBadRequest, "Invalid JSON body: "+err.Error())
		return
	}
	a := req.Data.Attributes
	res := a.Resources
	sw := c.switches.Get()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()

	gpuModel, gpuCount := "", 0
	for name, spec := range res.GPUs {
		gpuModel, gpuCount = name, spec["count"]
	}
	hasPort22 := slices.ContainsFunc(a.PortForwards, func(p portForward) bool { return p.InternalPort == 22 })
	switch {
	case req.Data.Type != "virtualmachine":
		c.fail(w, http.StatusBadRequest, `data.type must be "virtualmachine"`)
		return
	case strings.TrimSpace(a.Name) == "" || a.Image == "":
		c.fail(w, http.StatusBadRequest, "name and image are required")
		return
	case (a.HostnodeID == "") == (a.LocationID == ""):
		c.fail(w, http.StatusBadRequest, "Provide exactly one of hostnode_id and location_id")
		return
	case (a.SSHKeyID == "") == (a.SSHKey == ""):
		c.fail(w, http.StatusBadRequest, "You must provide either an ssh_key_id or the ssh_key attribute, not both")
		return
	case a.SSHKeyID != "" && c.secrets[a.SSHKeyID] == nil:
		c.fail(w, http.StatusBadRequest, "SSH key "+a.SSHKeyID+" not found")
		return
	case res.VCPUCount < 1 || res.RAMGB < 1 || res.StorageGB < 100:
		c.fail(w, http.StatusBadRequest, "resources need at least 1 vCPU, 1 GB of RAM and 100 GB of storage")
		return
	case len(res.GPUs) > 1 || (gpuModel != "" && gpuCount < 1):
		c.fail(w, http.StatusBadRequest, "resources.gpus takes one GPU model with a count of at least 1")
		return
	case strings.HasPrefix(strings.ToLower(a.Image), "ubuntu") && !hasPort22 && !a.DedicatedIP:
		c.fail(w, http.StatusBadRequest, "Ubuntu images require port 22 to be forwarded unless useDedicatedIp is true")
		return
	}

	fits := func(n *Hostnode) bool {
		if n.VCPU < res.VCPUCount || n.RAMGB < res.RAMGB || n.StorageGB < res.StorageGB || len(n.FreePorts) < len(a.PortForwards) {
			return false
		}
		if gpuModel == "" {
			return true
		}
		g, ok := n.GPUs[gpuModel]
		return ok && g.Available >= gpuCount
	}
	var node *Hostnode
	if a.HostnodeID != "" {
		n, ok := c.nodes[a.HostnodeID]
		if !ok {
			c.fail(w, http.StatusNotFound, "Hostnode "+a.HostnodeID+" not found")
			return
		}
		// TensorDock's document gives one answer for a request no node can
		// take; a hostnode without room gets it too.
		if !fits(n) || !c.Capacity.Take(gpuModel, n.ID) {
			c.fail(w, http.StatusBadRequest, noNodes)
			return
		}
		node = n
	} else if !sw.StaleStock {
		for _, id := range sortedKeys(c.nodes) {
			if n := c.nodes[id]; n.LocationID == a.LocationID && fits(n) {
				node = n
				break
			}
		}
	}
	if node == nil {
		c.fail(w, http.StatusBadRequest, noNodes)
		return
	}

	c.Order++
	inst := &instance{
		ID: c.newID(), Name: a.Name, Image: a.Image, NodeID: node.ID, Status: statusStarting,
		VCPU: res.VCPUCount, RAMGB: res.RAMGB, StorageGB: res.StorageGB, GPUModel: gpuModel, GPUCount: gpuCount,
		DedicatedIP: a.DedicatedIP, IP: fmt.Sprintf("198.51.100.%d", 1+rand.IntN(254)), Order: c.Order,
	}
	for _, p := range a.PortForwards {
		inst.Ports = append(inst.Ports, portForward{InternalPort: p.InternalPort, ExternalPort: c.takePort(node, p.ExternalPort, sw.RemapPorts)})
	}
	node.VCPU -= res.VCPUCount
	node.RAMGB -= res.RAMGB
	node.StorageGB -= res.StorageGB
	if gpuModel != "" {
		node.GPUs[gpuModel].Available -= gpuCount
	}
	c.schedule(inst, time.Duration(sw.StartDelay), statusRunning)
	inst.IPAt = c.now().Add(time.Duration(sw.StartDelay) + time.Duration(sw.IPDelay))
	c.instances[inst.ID] = inst
	core.WriteJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"type": "virtualmachine", "id": inst.ID, "name": inst.Name, "status": inst.Status}})
}

// takePort gives the asked external port when it is free (and remapping is
// off), otherwise the lowest free one.
func (c *Cloud) takePort(n *Hostnode, asked int, remap bool) int {
	if idx := slices.Index(n.FreePorts, asked); idx >= 0 && !remap {
		n.FreePorts = slices.Delete(n.FreePorts, idx, idx+1)
		return asked
	}
	for idx, p := range n.FreePorts {
		if p != asked {
			n.FreePorts = slices.Delete(n.FreePorts, idx, idx+1)
			return p
		}
	}
	return asked
}

func (c *Cloud) startInstance(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	if !strings.EqualFold(i.Status, statusStopped) {
		c.fail(w, http.StatusBadRequest, "Instance is "+i.Status+"; only a stopped instance can be started")
		return
	}
	sw := c.switches.Get()
	i.Status = statusStarting
	c.schedule(i, time.Duration(sw.StartDelay), statusRunning)
	i.IPAt = c.now().Add(time.Duration(sw.StartDelay))
	core.WriteJSON(w, http.StatusOK, map[string]any{"status": "success"})
}

func (c *Cloud) stopInstance(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	if i.Status != statusRunning {
		c.fail(w, http.StatusBadRequest, "Instance is "+i.Status+"; only a running instance can be stopped")
		return
	}
	i.Status = statusStopping
	c.schedule(i, time.Duration(c.switches.Get().StopDelay), statusStopped)
	core.WriteJSON(w, http.StatusOK, map[string]any{"status": "success"})
}

func (c *Cloud) deleteInstance(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	i.Status = statusDeleting
	i.Next = []step{{At: c.now().Add(time.Duration(c.switches.Get().StopDelay)), Gone: true}}
	core.WriteJSON(w, http.StatusOK, map[string]any{"status": "success"})
}

func (c *Cloud) modifyInstance(w http.ResponseWriter, r *http.Request) {
	var req struct {
		CPUCores *int `json:"cpuCores"`
		RAMGB    *int `json:"ramGb"`
		DiskGB   *int `json:"diskGb"`
		GPUs     *struct {
			GPUV0Name string `json:"gpuV0Name"`
			Count     int    `json:"count"`
		} `json:"gpus"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		c.fail(w, http.StatusBadRequest, "Invalid JSON body: "+err.Error())
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	if !strings.EqualFold(i.Status, statusStopped) {
		c.fail(w, http.StatusBadRequest, "Instance must be stopped to be modified")
		return
	}
	cpu, ram, disk, model, count := i.VCPU, i.RAMGB, i.StorageGB, i.GPUModel, i.GPUCount
	if req.CPUCores != nil {
		cpu = *req.CPUCores
	}
	if req.RAMGB != nil {
		ram = *req.RAMGB
	}
	if req.DiskGB != nil {
		disk = *req.DiskGB
	}
	if req.GPUs != nil {
		model, count = req.GPUs.GPUV0Name, req.GPUs.Count
		if count == 0 {
			model = ""
		}
	}
	switch {
	case cpu < 2 || cpu%2 != 0:
		c.fail(w, http.StatusBadRequest, "cpuCores must be a multiple of 2")
		return
	case ram < 8 || ram%8 != 0:
		c.fail(w, http.StatusBadRequest, "ramGb must be a multiple of 8")
		return
	case disk < 100 || disk%50 != 0 || disk < i.StorageGB:
		c.fail(w, http.StatusBadRequest, "diskGb must be a multiple of 50, at least 100, and not smaller than now")
		return
	}
	n := c.nodes[i.NodeID]
	free := func(name string) int {
		if g, ok := n.GPUs[name]; ok {
			avail := g.Available
			if name == i.GPUModel {
				avail += i.GPUCount
			}
			return avail
		}
		return 0
	}
	if n.VCPU+i.VCPU < cpu || n.RAMGB+i.RAMGB < ram || n.StorageGB+i.StorageGB < disk || (count > 0 && free(model) < count) {
		c.fail(w, http.StatusBadRequest, "Insufficient resources on the hostnode for this modification")
		return
	}
	c.release(i)
	c.reclaimPorts(n, i.Ports)
	i.VCPU, i.RAMGB, i.StorageGB, i.GPUModel, i.GPUCount = cpu, ram, disk, model, count
	n.VCPU -= cpu
	n.RAMGB -= ram
	n.StorageGB -= disk
	if count > 0 {
		n.GPUs[model].Available -= count
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"status": "success"})
}

// reclaimPorts takes an instance's ports back out of the free list after a
// release that returned them, since a modify keeps its forwards.
func (c *Cloud) reclaimPorts(n *Hostnode, forwards []portForward) {
	for _, p := range forwards {
		if idx := slices.Index(n.FreePorts, p.ExternalPort); idx >= 0 {
			n.FreePorts = slices.Delete(n.FreePorts, idx, idx+1)
		}
	}
}

// DeleteInstance removes an instance behind the API's back.
func (c *Cloud) DeleteInstance(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.instances[id]
	if ok {
		c.release(i)
		delete(c.instances, id)
	}
	return ok
}

// StopInstance stops an instance behind the API's back, at once.
func (c *Cloud) StopInstance(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.instances[id]
	if ok {
		i.Status, i.Next = statusStopped, nil
	}
	return ok
}

// FreeGPUs reports how many GPUs of a model a hostnode has free.
func (c *Cloud) FreeGPUs(node, model string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	if n, ok := c.nodes[node]; ok {
		if g, ok := n.GPUs[model]; ok {
			return g.Available
		}
	}
	return -1
}
