package verda

import (
	"encoding/base64"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

// The serverless side of Verda, from SUPPLEMENT.md: secrets, file secrets,
// registry credentials and the serverless catalogues.

// Secret is a generic or a file secret; values are never returned.
type Secret struct {
	Name      string
	Type      string // "generic" or "file-secret"
	Value     string
	Files     map[string]string // file name -> base64 content
	CreatedAt time.Time
	// UsedBy names the deployments that reference it.
	UsedBy []string
}

// RegistryCredentials is a container registry login; only its name and
// creation time are ever returned.
type RegistryCredentials struct {
	Name      string
	Type      string
	CreatedAt time.Time
	UsedBy    []string
}

var serverlessName = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

// registryFields are the fields each registry type needs.
var registryFields = map[string][]string{
	"dockerhub": {"username", "access_token"},
	"ghcr":      {"username", "access_token"},
	"gcr":       {"service_account_key"},
	"aws-ecr":   {"access_key_id", "secret_access_key", "region", "ecr_repo"},
	"scaleway":  {"scaleway_domain", "scaleway_uuid"},
	"custom":    {"docker_config_json"},
	"verda":     {},
}

// ComputeResources are the serverless compute resources.
var ComputeResources = []map[string]any{
	{"name": "General Compute", "size": 1, "is_available": true},
	{"name": "H100", "size": 1, "is_available": true},
	{"name": "H100", "size": 2, "is_available": true},
	{"name": "H100", "size": 4, "is_available": false},
	{"name": "A100", "size": 1, "is_available": true},
	{"name": "RTX PRO 6000", "size": 1, "is_available": true},
}

func (c *Cloud) listSecrets(w http.ResponseWriter, _ *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := []map[string]any{}
	for _, name := range sortedNames(c.secrets) {
		s := c.secrets[name]
		out = append(out, map[string]any{"name": s.Name, "created_at": s.CreatedAt.UTC().Format(time.RFC3339), "secret_type": s.Type})
	}
	core.WriteJSON(w, http.StatusOK, out)
}

func (c *Cloud) createSecret(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Name  string  `json:"name"`
			Value *string `json:"value"`
			Files []struct {
				FileName      string `json:"file_name"`
				Base64Content string `json:"base64_content"`
			} `json:"files"`
		}
		if !decode(w, r, &req) {
			return
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		s := &Secret{Name: req.Name, Type: kind, CreatedAt: c.now()}
		switch {
		case !serverlessName.MatchString(req.Name):
			fail(w, http.StatusBadRequest, "name must be a lowercase DNS label of at most 63 characters")
			return
		case c.secrets[req.Name] != nil:
			failf(w, http.StatusConflict, "A secret named %s already exists", req.Name)
			return
		case kind == "generic" && (req.Value == nil || *req.Value == ""):
			fail(w, http.StatusBadRequest, "value is required")
			return
		case kind == "file-secret" && len(req.Files) == 0:
			fail(w, http.StatusBadRequest, "files is required")
			return
		}
		if req.Value != nil {
			s.Value = *req.Value
		}
		s.Files = map[string]string{}
		for _, f := range req.Files {
			if f.FileName == "" {
				fail(w, http.StatusBadRequest, "file_name is required")
				return
			}
			if _, err := base64.StdEncoding.DecodeString(f.Base64Content); err != nil {
				failf(w, http.StatusBadRequest, "base64_content of %s is not base64", f.FileName)
				return
			}
			s.Files[f.FileName] = f.Base64Content
		}
		c.secrets[s.Name] = s
		w.WriteHeader(http.StatusCreated)
	}
}

func (c *Cloud) deleteSecret(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		defer c.mu.Unlock()
		s := c.secrets[r.PathValue("name")]
		if s == nil || s.Type != kind {
			fail(w, http.StatusNotFound, "Secret not found")
			return
		}
		if force, _ := strconv.ParseBool(r.URL.Query().Get("force")); len(s.UsedBy) > 0 && !force {
			failf(w, http.StatusConflict, "Secret %s is in use by %s", s.Name, strings.Join(s.UsedBy, ", "))
			return
		}
		delete(c.secrets, s.Name)
		w.WriteHeader(http.StatusOK)
	}
}

func (c *Cloud) listRegistryCredentials(w http.ResponseWriter, _ *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := []map[string]any{}
	for _, name := range sortedNames(c.registry) {
		out = append(out, map[string]any{"name": name, "created_at": c.registry[name].CreatedAt.UTC().Format(time.RFC3339)})
	}
	core.WriteJSON(w, http.StatusOK, out)
}

func (c *Cloud) createRegistryCredentials(w http.ResponseWriter, r *http.Request) {
	var req map[string]any
	if !decode(w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	name, _ := req["name"].(string)
	typ, _ := req["type"].(string)
	fields, known := registryFields[typ]
	switch {
	case !serverlessName.MatchString(name):
		fail(w, http.StatusBadRequest, "name must be a lowercase DNS label of at most 63 characters")
		return
	case !known:
		failf(w, http.StatusBadRequest, "type must be one of dockerhub, ghcr, gcr, aws-ecr, scaleway, custom, verda, not %q", typ)
		return
	case c.registry[name] != nil:
		failf(w, http.StatusConflict, "Registry credentials named %s already exist", name)
		return
	}
	for _, f := range fields {
		if v, _ := req[f].(string); v == "" {
			failf(w, http.StatusBadRequest, "%s is required for type %s", f, typ)
			return
		}
	}
	c.registry[name] = &RegistryCredentials{Name: name, Type: typ, CreatedAt: c.now()}
	w.WriteHeader(http.StatusCreated)
}

func (c *Cloud) deleteRegistryCredentials(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	rc := c.registry[r.PathValue("name")]
	if rc == nil {
		fail(w, http.StatusNotFound, "Registry credentials not found")
		return
	}
	if force, _ := strconv.ParseBool(r.URL.Query().Get("force")); len(rc.UsedBy) > 0 && !force {
		failf(w, http.StatusConflict, "Registry credentials %s are in use by %s", rc.Name, strings.Join(rc.UsedBy, ", "))
		return
	}
	delete(c.registry, rc.Name)
	w.WriteHeader(http.StatusOK)
}

func (c *Cloud) listComputeResources(w http.ResponseWriter, _ *http.Request) {
	core.WriteJSON(w, http.StatusOK, ComputeResources)
}

// listContainerTypes is the document's container types, in the currency asked for.
func (c *Cloud) listContainerTypes(w http.ResponseWriter, r *http.Request) {
	currency := strings.ToLower(r.URL.Query().Get("currency"))
	if currency == "" {
		currency = "usd"
	}
	rate := map[string]float64{"usd": 1, "eur": 0.92}[currency]
	if rate == 0 {
		failf(w, http.StatusBadRequest, "currency must be usd or eur, not %q", currency)
		return
	}
	out := []map[string]any{}
	for _, t := range c.snapshot().InstanceTypes {
		if t.GPU.NumberOfGPUs == 0 {
			continue
		}
		price, _ := strconv.ParseFloat(t.PricePerHour, 64)
		spot, _ := strconv.ParseFloat(t.SpotPrice, 64)
		out = append(out, map[string]any{
			"id": t.ID, "model": t.Model, "name": t.Name, "instance_type": t.InstanceType, "manufacturer": t.Manufacturer,
			"cpu": t.CPU, "gpu": t.GPU, "gpu_memory": t.GPUMemory, "memory": t.Memory, "currency": currency,
			"serverless_price": strconv.FormatFloat(price*rate*1.1, 'f', 4, 64), "serverless_spot_price": strconv.FormatFloat(spot*rate*1.1, 'f', 4, 64),
		})
	}
	core.WriteJSON(w, http.StatusOK, out)
}

// UseSecret marks a secret or registry credentials as used by a deployment,
// as a deployment that references them would.
func (c *Cloud) UseSecret(name, deployment string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s := c.secrets[name]; s != nil {
		s.UsedBy = append(s.UsedBy, deployment)
		return true
	}
	if rc := c.registry[name]; rc != nil {
		rc.UsedBy = append(rc.UsedBy, deployment)
		return true
	}
	return false
}

// SecretValue is what a secret holds, for tests: the value, or the files.
func (c *Cloud) SecretValue(name string) (string, map[string]string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.secrets[name]
	if s == nil {
		return "", nil, false
	}
	return s.Value, s.Files, true
}

func sortedNames[T any](m map[string]T) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return slices.Clip(names)
}

// RemoveSecret deletes a secret or registry credentials at once, as the
// console would.
func (c *Cloud) RemoveSecret(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, secret := c.secrets[name]
	_, creds := c.registry[name]
	delete(c.secrets, name)
	delete(c.registry, name)
	return secret || creds
}
