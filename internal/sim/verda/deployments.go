package verda

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

// Deployment is a serverless container deployment (SUPPLEMENT.md). Its
// status follows time: initializing, image_pulling, then healthy, or the
// outcome the switches ask for.
type Deployment struct {
	Name       string
	Registry   json.RawMessage
	Containers []DeployedContainer
	Compute    json.RawMessage
	IsSpot     bool
	Scaling    map[string]any
	CreatedAt  time.Time
	// Since is when the deployment last changed; Pull how long its image pull takes.
	Since   time.Time
	Pull    time.Duration
	Outcome string
}

// DeployedContainer is a container as sent, with the name the server gave it.
type DeployedContainer struct {
	Name string
	Spec map[string]any
}

var scalingFields = []string{"min_replica_count", "max_replica_count", "scale_up_policy", "scale_down_policy",
	"queue_message_ttl_seconds", "concurrent_requests_per_replica", "scaling_triggers"}

func (d *Deployment) status(now time.Time) string {
	elapsed := now.Sub(d.Since)
	switch {
	case elapsed < d.Pull/3:
		return "initializing"
	case elapsed < d.Pull || d.Outcome == "pull_forever":
		return "image_pulling"
	case d.Outcome == "unhealthy" || d.Outcome == "quota_reached":
		return d.Outcome
	}
	return "healthy"
}

func (d *Deployment) body() map[string]any {
	containers := []map[string]any{}
	for _, c := range d.Containers {
		item := map[string]any{"name": c.Name}
		for k, v := range c.Spec {
			item[k] = v
		}
		containers = append(containers, item)
	}
	return map[string]any{
		"name": d.Name, "container_registry_settings": d.Registry, "containers": containers, "compute": d.Compute,
		"is_spot": d.IsSpot, "endpoint_base_url": "https://containers.datacrunch.io/" + d.Name, "created_at": d.CreatedAt.UTC().Format(time.RFC3339),
	}
}

// uses are the secrets and registry credentials the deployment names.
func (d *Deployment) uses() []string {
	var out []string
	var reg struct {
		Credentials *struct {
			Name string `json:"name"`
		} `json:"credentials"`
	}
	if json.Unmarshal(d.Registry, &reg) == nil && reg.Credentials != nil {
		out = append(out, reg.Credentials.Name)
	}
	for _, c := range d.Containers {
		raw, _ := json.Marshal(c.Spec)
		var spec struct {
			Env []struct {
				Type  string `json:"type"`
				Value string `json:"value_or_reference_to_secret"`
			} `json:"env"`
			Mounts []struct {
				Type       string `json:"type"`
				SecretName string `json:"secret_name"`
			} `json:"volume_mounts"`
		}
		_ = json.Unmarshal(raw, &spec)
		for _, e := range spec.Env {
			if e.Type == "secret" {
				out = append(out, e.Value)
			}
		}
		for _, m := range spec.Mounts {
			if m.Type == "secret" {
				out = append(out, m.SecretName)
			}
		}
	}
	return out
}

// link records (or, when on is false, forgets) the deployment's uses of
// secrets and credentials. Callers hold c.mu.
func (c *Cloud) link(d *Deployment, on bool) {
	for _, name := range d.uses() {
		users := (*[]string)(nil)
		if s := c.secrets[name]; s != nil {
			users = &s.UsedBy
		} else if rc := c.registry[name]; rc != nil {
			users = &rc.UsedBy
		}
		if users == nil {
			continue
		}
		*users = slices.DeleteFunc(*users, func(u string) bool { return u == d.Name })
		if on {
			*users = append(*users, d.Name)
		}
	}
}

// checkContainers refuses what the clients say Verda refuses; "" when fine.
func (c *Cloud) checkContainers(containers []map[string]any) string {
	if len(containers) == 0 {
		return "containers must hold at least one container"
	}
	for _, ct := range containers {
		image, _ := ct["image"].(string)
		ref := image[strings.LastIndex(image, "/")+1:]
		if !strings.Contains(ref, ":") || strings.HasSuffix(ref, ":latest") {
			return fmt.Sprintf("image %q must carry an explicit tag other than latest", image)
		}
		port, _ := ct["exposed_port"].(float64)
		if port < 1 || port > 65535 {
			return "exposed_port must be between 1 and 65535"
		}
		env, _ := ct["env"].([]any)
		for _, e := range env {
			m, _ := e.(map[string]any)
			if m["type"] == "secret" {
				if name, _ := m["value_or_reference_to_secret"].(string); c.secrets[name] == nil {
					return fmt.Sprintf("secret %q does not exist", name)
				}
			}
		}
	}
	return ""
}

func (c *Cloud) checkCompute(raw json.RawMessage) string {
	var comp struct {
		Name string  `json:"name"`
		Size float64 `json:"size"`
	}
	if json.Unmarshal(raw, &comp) != nil {
		return "compute must be {name, size}"
	}
	for _, r := range ComputeResources {
		if r["name"] == comp.Name && float64(r["size"].(int)) == comp.Size {
			if r["is_available"] != true {
				return fmt.Sprintf("compute %s x%d is not available", comp.Name, int(comp.Size))
			}
			return ""
		}
	}
	return fmt.Sprintf("unknown compute %s x%d", comp.Name, int(comp.Size))
}

func (c *Cloud) createDeployment(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name       string           `json:"name"`
		Registry   json.RawMessage  `json:"container_registry_settings"`
		Containers []map[string]any `json:"containers"`
		Compute    json.RawMessage  `json:"compute"`
		Scaling    map[string]any   `json:"scaling"`
		IsSpot     bool             `json:"is_spot"`
	}
	if !decode(w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case !serverlessName.MatchString(req.Name):
		fail(w, http.StatusBadRequest, "name must be a lowercase DNS label of at most 63 characters")
		return
	case c.deploys[req.Name] != nil:
		failf(w, http.StatusConflict, "A deployment named %s already exists", req.Name)
		return
	}
	if msg := cmpOr(c.checkContainers(req.Containers), c.checkCompute(req.Compute), checkScaling(req.Scaling, true)); msg != "" {
		fail(w, http.StatusBadRequest, msg)
		return
	}
	now := c.now()
	d := &Deployment{Name: req.Name, Registry: req.Registry, Compute: req.Compute, IsSpot: req.IsSpot, Scaling: req.Scaling,
		CreatedAt: now, Since: now, Pull: time.Duration(c.switches.Get().ProvisionDelay), Outcome: c.switches.Get().DeploymentOutcome}
	for n, ct := range req.Containers {
		d.Containers = append(d.Containers, DeployedContainer{Name: fmt.Sprintf("%s-%d", req.Name, n), Spec: ct})
	}
	c.deploys[d.Name] = d
	c.link(d, true)
	core.WriteJSON(w, http.StatusCreated, d.body())
}

func cmpOr(msgs ...string) string {
	for _, m := range msgs {
		if m != "" {
			return m
		}
	}
	return ""
}

// checkScaling checks a scaling object; on create every field is required.
func checkScaling(s map[string]any, all bool) string {
	if all {
		for _, f := range scalingFields {
			if _, ok := s[f]; !ok {
				return "scaling." + f + " is required"
			}
		}
	}
	min, _ := s["min_replica_count"].(float64)
	max, hasMax := s["max_replica_count"].(float64)
	if hasMax && (min < 0 || max < 1 || min > max) {
		return "scaling needs 0 <= min_replica_count <= max_replica_count and max_replica_count >= 1"
	}
	if conc, ok := s["concurrent_requests_per_replica"].(float64); ok && conc < 1 {
		return "concurrent_requests_per_replica must be at least 1"
	}
	return ""
}

func (c *Cloud) deployment(w http.ResponseWriter, r *http.Request) (*Deployment, bool) {
	d := c.deploys[r.PathValue("name")]
	if d == nil {
		fail(w, http.StatusNotFound, "Deployment not found")
	}
	return d, d != nil
}

func (c *Cloud) listDeployments(w http.ResponseWriter, _ *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := []map[string]any{}
	for _, name := range sortedNames(c.deploys) {
		out = append(out, c.deploys[name].body())
	}
	core.WriteJSON(w, http.StatusOK, out)
}

func (c *Cloud) getDeployment(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d, ok := c.deployment(w, r); ok {
		core.WriteJSON(w, http.StatusOK, d.body())
	}
}

// patchDeployment changes the registry settings, compute, spot and
// containers, each container named as it exists.
func (c *Cloud) patchDeployment(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Registry   json.RawMessage  `json:"container_registry_settings"`
		Containers []map[string]any `json:"containers"`
		Compute    json.RawMessage  `json:"compute"`
		IsSpot     *bool            `json:"is_spot"`
		Scaling    json.RawMessage  `json:"scaling"`
	}
	if !decode(w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.deployment(w, r)
	if !ok {
		return
	}
	if req.Scaling != nil {
		fail(w, http.StatusBadRequest, "scaling is changed at /scaling, not here")
		return
	}
	if msg := c.patch(d, servedPatch{req.Registry, req.Containers, req.Compute}); msg != "" {
		fail(w, http.StatusBadRequest, msg)
		return
	}
	if req.IsSpot != nil {
		d.IsSpot = *req.IsSpot
	}
	core.WriteJSON(w, http.StatusOK, d.body())
}

// servedPatch is what a PATCH of a deployment or a job may change.
type servedPatch struct {
	Registry   json.RawMessage
	Containers []map[string]any
	Compute    json.RawMessage
}

// patch checks and applies p to d, containers named as they are; "" when
// it was applied. Callers hold c.mu.
func (c *Cloud) patch(d *Deployment, p servedPatch) string {
	for _, ct := range p.Containers {
		name, _ := ct["name"].(string)
		if !slices.ContainsFunc(d.Containers, func(e DeployedContainer) bool { return e.Name == name }) {
			return fmt.Sprintf("containers[].name %q is not one of its containers", name)
		}
	}
	if p.Containers != nil {
		if msg := c.checkContainers(p.Containers); msg != "" {
			return msg
		}
	}
	if p.Compute != nil {
		if msg := c.checkCompute(p.Compute); msg != "" {
			return msg
		}
	}
	c.link(d, false)
	if p.Registry != nil {
		d.Registry = p.Registry
	}
	if p.Compute != nil {
		d.Compute = p.Compute
	}
	for _, ct := range p.Containers {
		for i := range d.Containers {
			if d.Containers[i].Name == ct["name"] {
				delete(ct, "name")
				d.Containers[i].Spec = ct
			}
		}
	}
	c.link(d, true)
	d.Since = c.now()
	return ""
}

func (c *Cloud) deleteDeployment(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.deployment(w, r)
	if !ok {
		return
	}
	if ms := r.URL.Query().Get("timeout"); ms != "" {
		if n, err := strconv.Atoi(ms); err != nil || n < 0 || n > 300000 {
			fail(w, http.StatusBadRequest, "timeout must be 0 to 300000 ms")
			return
		}
	}
	c.link(d, false)
	delete(c.deploys, d.Name)
	w.WriteHeader(http.StatusOK)
}

func (c *Cloud) getScaling(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d, ok := c.deployment(w, r); ok {
		core.WriteJSON(w, http.StatusOK, d.Scaling)
	}
}

func (c *Cloud) patchScaling(w http.ResponseWriter, r *http.Request) {
	var req map[string]any
	if !decode(w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.deployment(w, r)
	if !ok {
		return
	}
	merged := map[string]any{}
	for k, v := range d.Scaling {
		merged[k] = v
	}
	for k, v := range req {
		if !slices.Contains(scalingFields, k) {
			failf(w, http.StatusBadRequest, "%s is not a scaling field", k)
			return
		}
		merged[k] = v
	}
	if msg := checkScaling(merged, true); msg != "" {
		fail(w, http.StatusBadRequest, msg)
		return
	}
	d.Scaling = merged
	core.WriteJSON(w, http.StatusOK, d.Scaling)
}

func (c *Cloud) deploymentStatus(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d, ok := c.deployment(w, r); ok {
		core.WriteJSON(w, http.StatusOK, map[string]string{"status": d.status(c.now())})
	}
}

// deploymentReplicas follows the scaling: its minimum, at least one while healthy.
func (c *Cloud) deploymentReplicas(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.deployment(w, r)
	if !ok {
		return
	}
	list := []map[string]any{}
	if d.status(c.now()) == "healthy" {
		n, _ := d.Scaling["min_replica_count"].(float64)
		for i := 0; i < int(n); i++ {
			list = append(list, map[string]any{"id": fmt.Sprintf("%s-replica-%d", d.Name, i), "status": "running", "started_at": d.Since.Add(d.Pull).UTC().Format(time.RFC3339)})
		}
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"list": list})
}

// deploymentLogs are the system's lines about the deployment, newest last.
func (c *Cloud) deploymentLogs(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.deployment(w, r)
	if !ok {
		return
	}
	image := ""
	if len(d.Containers) > 0 {
		image, _ = d.Containers[0].Spec["image"].(string)
	}
	at := d.Since.UTC().Format(time.RFC3339)
	lines := []map[string]string{{"timestamp": at, "message": "Pulling image " + image}}
	switch d.status(c.now()) {
	case "unhealthy":
		lines = append(lines, map[string]string{"timestamp": at, "message": "Back-off restarting failed container: exit code 1"})
	case "quota_reached":
		lines = append(lines, map[string]string{"timestamp": at, "message": "GPU quota reached for the project"})
	case "healthy":
		lines = append(lines, map[string]string{"timestamp": at, "message": "Container started"})
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"logs": lines})
}

// RemoveDeployment deletes a deployment at once, as the console would.
func (c *Cloud) RemoveDeployment(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	d := c.deploys[name]
	if d == nil {
		return false
	}
	c.link(d, false)
	delete(c.deploys, name)
	return true
}
