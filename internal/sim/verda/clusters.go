package verda

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

// ClusterType is an instant cluster's type, as GET /cluster-types lists it.
type ClusterType struct {
	ClusterType  string  `json:"cluster_type"`
	Model        string  `json:"model"`
	Name         string  `json:"name"`
	GPU          Spec    `json:"gpu"`
	CPU          Spec    `json:"cpu"`
	Memory       Spec    `json:"memory"`
	Nodes        int     `json:"-"`
	PricePerHour float64 `json:"price_per_hour"`
	Currency     string  `json:"currency"`
}

// ClusterTypes are the simulated cluster types, and where they deploy now.
var (
	ClusterTypes = []ClusterType{
		{ClusterType: "16H200", Model: "H200", Name: "16x H200 cluster", GPU: Spec{Description: "16x H200", NumberOfGPUs: 16}, CPU: Spec{Description: "352 CPU", NumberOfCores: 352}, Memory: Spec{Description: "3TB RAM", SizeInGigabytes: 3000}, Nodes: 2, PricePerHour: 59.2, Currency: "usd"},
		{ClusterType: "32B200", Model: "B200", Name: "32x B200 cluster", GPU: Spec{Description: "32x B200", NumberOfGPUs: 32}, CPU: Spec{Description: "704 CPU", NumberOfCores: 704}, Memory: Spec{Description: "6TB RAM", SizeInGigabytes: 6000}, Nodes: 4, PricePerHour: 150.4, Currency: "usd"},
	}
	ClusterAvailability = map[string][]string{"FIN-01": {"16H200"}, "FIN-03": {"16H200", "32B200"}}
)

type cluster struct {
	ID, Type, Image, Hostname, Description, Location, StartupScriptID string
	SSHKeyIDs, ExistingVolumes, VolumeIDs                             []string
	Tags                                                              []Tag
	CreatedAt                                                         time.Time
	Plan                                                              schedule
	Status                                                            string
	Order                                                             int64
}

func clusterType(name string) (ClusterType, bool) {
	for _, t := range ClusterTypes {
		if t.ClusterType == name {
			return t, true
		}
	}
	return ClusterType{}, false
}

func (c *Cloud) listClusterTypes(w http.ResponseWriter, r *http.Request) {
	currency := strings.ToLower(r.URL.Query().Get("currency"))
	rate := map[string]float64{"": 1, "usd": 1, "eur": 0.92}[currency]
	if rate == 0 {
		failf(w, http.StatusBadRequest, "currency must be usd or eur, not %q", currency)
		return
	}
	out := make([]ClusterType, len(ClusterTypes))
	for i, t := range ClusterTypes {
		t.PricePerHour = t.PricePerHour * rate
		if currency != "" {
			t.Currency = currency
		}
		out[i] = t
	}
	core.WriteJSON(w, http.StatusOK, out)
}

func (c *Cloud) clusterAvailability(w http.ResponseWriter, r *http.Request) {
	want := r.URL.Query().Get("location_code")
	out := []map[string]any{}
	for _, loc := range sortedNames(ClusterAvailability) {
		if want == "" || want == loc {
			out = append(out, map[string]any{"location_code": loc, "availabilities": ClusterAvailability[loc]})
		}
	}
	core.WriteJSON(w, http.StatusOK, out)
}

func (c *Cloud) listClusterImages(w http.ResponseWriter, _ *http.Request) {
	out := []Image{}
	for _, img := range c.snapshot().Images {
		if img.IsCluster {
			out = append(out, img)
		}
	}
	core.WriteJSON(w, http.StatusOK, out)
}

func (c *Cloud) deployCluster(w http.ResponseWriter, r *http.Request) {
	var req struct {
		ClusterType     string    `json:"cluster_type"`
		Image           string    `json:"image"`
		Hostname        string    `json:"hostname"`
		Description     *string   `json:"description"`
		LocationCode    string    `json:"location_code"`
		SSHKeyIDs       []string  `json:"ssh_key_ids"`
		StartupScriptID string    `json:"startup_script_id"`
		Contract        string    `json:"contract"`
		Tags            []tagSpec `json:"tags"`
		SharedVolume    *struct {
			Name string  `json:"name"`
			Size float64 `json:"size"`
		} `json:"shared_volume"`
		ExistingVolumes []struct {
			ID string `json:"id"`
		} `json:"existing_volumes"`
	}
	if !decode(w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	_, typeOK := clusterType(req.ClusterType)
	imageOK := slices.ContainsFunc(c.catalog.Images, func(i Image) bool { return i.IsCluster && (i.ImageType == req.Image || i.ID == req.Image) })
	switch {
	case !typeOK:
		failf(w, http.StatusBadRequest, "Invalid cluster_type %q", req.ClusterType)
		return
	case !imageOK:
		failf(w, http.StatusBadRequest, "Invalid cluster image %q", req.Image)
		return
	case req.LocationCode == "":
		fail(w, http.StatusBadRequest, "location_code is required")
		return
	case !slices.Contains(ClusterAvailability[req.LocationCode], req.ClusterType):
		failf(w, http.StatusServiceUnavailable, "No capacity for %s in %s", req.ClusterType, req.LocationCode)
		return
	case req.Hostname == "" || !hostnamePattern.MatchString(req.Hostname):
		fail(w, http.StatusBadRequest, "hostname must be 1-63 letters, digits and hyphens")
		return
	case req.Description == nil:
		fail(w, http.StatusBadRequest, "description is required")
		return
	case req.SharedVolume == nil || req.SharedVolume.Name == "" || req.SharedVolume.Size < 1:
		fail(w, http.StatusBadRequest, "shared_volume {name, size} is required")
		return
	case req.Contract != "" && req.Contract != "PAY_AS_YOU_GO":
		fail(w, http.StatusBadRequest, "For clusters, only PAY_AS_YOU_GO is supported")
		return
	}
	tags, msg := c.newTags(req.Tags)
	if msg != "" {
		fail(w, http.StatusBadRequest, msg)
		return
	}
	c.Order++
	now := c.now()
	cl := &cluster{ID: c.newID(), Type: req.ClusterType, Image: req.Image, Hostname: req.Hostname, Description: *req.Description,
		Location: req.LocationCode, StartupScriptID: req.StartupScriptID, SSHKeyIDs: req.SSHKeyIDs, Tags: tags, CreatedAt: now,
		Status: statusOrdered, Order: c.Order}
	shared := c.newVolume(volumeSpec{Name: req.SharedVolume.Name, Size: req.SharedVolume.Size, Type: "NVMe_Shared_Cluster"}, req.LocationCode, false)
	shared.Status, shared.InstanceID = volumeAttached, cl.ID
	cl.VolumeIDs = []string{shared.ID}
	for _, v := range req.ExistingVolumes {
		if vol, ok := c.volumes[v.ID]; ok {
			vol.attach(cl.ID)
			vol.Status = volumeAttached
			cl.ExistingVolumes = append(cl.ExistingVolumes, v.ID)
			cl.VolumeIDs = append(cl.VolumeIDs, v.ID)
		}
	}
	sw := c.switches.Get()
	delay, final := time.Duration(sw.ProvisionDelay), statusRunning
	if slices.Contains([]string{"error", "no_capacity", "installation_failed"}, sw.DeployOutcome) {
		final = sw.DeployOutcome
	}
	cl.Plan.add(now.Add(delay/3), statusProvisioning)
	cl.Plan.add(now.Add(delay), final)
	c.clusters[cl.ID] = cl
	core.WriteJSON(w, http.StatusAccepted, map[string]string{"id": cl.ID})
}

// settleClusters moves clusters along. Callers hold c.mu.
func (c *Cloud) settleClusters() {
	now := c.now()
	for id, cl := range c.clusters {
		var gone bool
		cl.Status, gone = cl.Plan.due(now, cl.Status)
		if gone {
			for _, vid := range cl.VolumeIDs {
				if v, ok := c.volumes[vid]; ok {
					v.detachFrom(id)
					if v.InstanceID == "" {
						v.Status = volumeDetached
					}
				}
			}
			delete(c.clusters, id)
		}
	}
}

func (c *Cloud) clusterBody(cl *cluster) map[string]any {
	t, _ := clusterType(cl.Type)
	workers := []map[string]any{}
	if cl.Status == statusRunning {
		for n := 1; n <= t.Nodes; n++ {
			workers = append(workers, map[string]any{"id": fmt.Sprint(n), "hostname": fmt.Sprintf("worker-%d", n),
				"public_ip": fmt.Sprintf("203.0.113.%d", 100+n), "private_ip": fmt.Sprintf("10.0.0.%d", 10+n), "status": "running"})
		}
	}
	shared := []map[string]any{}
	for n, vid := range cl.VolumeIDs {
		if v, ok := c.volumes[vid]; ok {
			mount := "/home"
			if n > 0 {
				mount = "/mnt/" + v.Name
			}
			shared = append(shared, map[string]any{"id": v.ID, "name": v.Name, "mount_point": mount, "size_in_gigabytes": v.Size})
		}
	}
	var ip any
	if cl.Status == statusRunning {
		ip = "203.0.113.99"
	}
	var nodes, volumes any = workers, shared
	if c.switches.Get().ObjectsAsIDs {
		nodes, volumes = idsOf(workers), idsOf(shared)
	}
	return map[string]any{
		"id": cl.ID, "ip": ip, "status": cl.Status, "created_at": cl.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"),
		"cpu": t.CPU, "gpu": t.GPU, "memory": t.Memory, "gpu_memory": Spec{Description: t.Model, SizeInGigabytes: 141},
		"hostname": cl.Hostname, "description": cl.Description, "location": cl.Location, "price_per_hour": t.PricePerHour,
		"cluster_type": cl.Type, "image": cl.Image, "os_name": "Ubuntu 22.04", "startup_script_id": cl.StartupScriptID,
		"ssh_key_ids": append([]string{}, cl.SSHKeyIDs...), "contract": "PAY_AS_YOU_GO", "worker_nodes": nodes, "shared_volumes": volumes,
		"tags": tagList(cl.Tags),
	}
}

func (c *Cloud) listClusters(w http.ResponseWriter, _ *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	out := []map[string]any{}
	for _, id := range sortedNames(c.clusters) {
		out = append(out, c.clusterBody(c.clusters[id]))
	}
	core.WriteJSON(w, http.StatusOK, out)
}

func (c *Cloud) getCluster(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	cl, ok := c.clusters[r.PathValue("id")]
	if !ok {
		fail(w, http.StatusNotFound, "Cluster not found")
		return
	}
	core.WriteJSON(w, http.StatusOK, c.clusterBody(cl))
}

// clusterAction discontinues clusters: PUT /clusters {actions: [{action, id}]}.
func (c *Cloud) clusterAction(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Actions []struct {
			Action string `json:"action"`
			ID     string `json:"id"`
		} `json:"actions"`
	}
	if !decode(w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	for _, a := range req.Actions {
		cl, ok := c.clusters[a.ID]
		switch {
		case !ok:
			failf(w, http.StatusNotFound, "Cluster %s not found", a.ID)
			return
		case a.Action != "discontinue":
			failf(w, http.StatusBadRequest, "Action %q is not available", a.Action)
			return
		}
		cl.Status = statusDeleting
		cl.Plan = nil
		cl.Plan.addGone(c.now().Add(time.Duration(c.switches.Get().ActionDelay)))
	}
	w.WriteHeader(http.StatusAccepted)
}

// DiscontinueClusterNow ends a cluster at once, as the console would; its
// shared volumes stay, detached.
func (c *Cloud) DiscontinueClusterNow(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	cl, ok := c.clusters[id]
	if !ok {
		return false
	}
	cl.Plan = nil
	cl.Plan.addGone(c.now())
	c.settleClusters()
	return true
}

// idsOf is the IDs of objects, for ObjectsAsIDs.
func idsOf(objects []map[string]any) []any {
	out := make([]any, len(objects))
	for n, o := range objects {
		out[n] = o["id"]
	}
	return out
}
