package verda

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

// Job is a serverless job (SUPPLEMENT.md): containers and compute like a
// deployment, its own scaling, ready once its image is pulled.
type Job struct {
	Deployment
}

func (c *Cloud) jobBody(j *Job) map[string]any {
	b := j.body()
	delete(b, "is_spot")
	return b
}

func (c *Cloud) createJob(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name       string           `json:"name"`
		Registry   json.RawMessage  `json:"container_registry_settings"`
		Containers []map[string]any `json:"containers"`
		Compute    json.RawMessage  `json:"compute"`
		Scaling    map[string]any   `json:"scaling"`
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
	case c.jobs[req.Name] != nil:
		failf(w, http.StatusConflict, "A job named %s already exists", req.Name)
		return
	}
	if msg := cmpOr(c.checkContainers(req.Containers), c.checkCompute(req.Compute), checkJobScaling(req.Scaling)); msg != "" {
		fail(w, http.StatusBadRequest, msg)
		return
	}
	now := c.now()
	j := &Job{Deployment{Name: req.Name, Registry: req.Registry, Compute: req.Compute, Scaling: req.Scaling, CreatedAt: now, Since: now,
		Pull: time.Duration(c.switches.Get().ProvisionDelay)}}
	for n, ct := range req.Containers {
		j.Containers = append(j.Containers, DeployedContainer{Name: fmt.Sprintf("%s-%d", req.Name, n), Spec: ct})
	}
	c.jobs[j.Name] = j
	c.link(&j.Deployment, true)
	core.WriteJSON(w, http.StatusCreated, c.jobBody(j))
}

func checkJobScaling(s map[string]any) string {
	for _, f := range []string{"max_replica_count", "queue_message_ttl_seconds", "deadline_seconds"} {
		if _, ok := s[f]; !ok {
			return "scaling." + f + " is required"
		}
	}
	if d, _ := s["deadline_seconds"].(float64); d < 600 || d > 604800 {
		return "deadline_seconds must be between 600 and 604800"
	}
	return ""
}

func (c *Cloud) job(w http.ResponseWriter, r *http.Request) (*Job, bool) {
	j := c.jobs[r.PathValue("name")]
	if j == nil {
		fail(w, http.StatusNotFound, "Job not found")
	}
	return j, j != nil
}

func (c *Cloud) listJobs(w http.ResponseWriter, _ *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := []map[string]any{}
	for _, name := range sortedNames(c.jobs) {
		out = append(out, c.jobBody(c.jobs[name]))
	}
	core.WriteJSON(w, http.StatusOK, out)
}

func (c *Cloud) getJob(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if j, ok := c.job(w, r); ok {
		core.WriteJSON(w, http.StatusOK, c.jobBody(j))
	}
}

func (c *Cloud) patchJob(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Registry   json.RawMessage  `json:"container_registry_settings"`
		Containers []map[string]any `json:"containers"`
		Compute    json.RawMessage  `json:"compute"`
	}
	if !decode(w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	j, ok := c.job(w, r)
	if !ok {
		return
	}
	if msg := c.patch(&j.Deployment, servedPatch{req.Registry, req.Containers, req.Compute}); msg != "" {
		fail(w, http.StatusBadRequest, msg)
		return
	}
	core.WriteJSON(w, http.StatusOK, c.jobBody(j))
}

func (c *Cloud) deleteJob(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	j, ok := c.job(w, r)
	if !ok {
		return
	}
	if ms := r.URL.Query().Get("timeout"); ms != "" {
		if n, err := strconv.Atoi(ms); err != nil || n < 0 || n > 300000 {
			fail(w, http.StatusBadRequest, "timeout must be 0 to 300000 ms")
			return
		}
	}
	c.link(&j.Deployment, false)
	delete(c.jobs, j.Name)
	w.WriteHeader(http.StatusOK)
}

func (c *Cloud) getJobScaling(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if j, ok := c.job(w, r); ok {
		core.WriteJSON(w, http.StatusOK, j.Scaling)
	}
}

// jobStatus: ready once the image is pulled, as jobs have no health.
func (c *Cloud) jobStatus(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if j, ok := c.job(w, r); ok {
		status := "ready"
		if c.now().Sub(j.Since) < j.Pull {
			status = "running"
		}
		core.WriteJSON(w, http.StatusOK, map[string]string{"status": status})
	}
}

// RemoveJob deletes a job at once, as the console would.
func (c *Cloud) RemoveJob(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	j := c.jobs[name]
	if j == nil {
		return false
	}
	c.link(&j.Deployment, false)
	delete(c.jobs, name)
	return true
}
