package tensordock

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

type secret struct {
	ID, Name, Type, Value string
	Order                 int64
}

// secretBody is a secret as JSON:API; the value itself is never sent back.
func secretBody(s *secret) map[string]any {
	return map[string]any{"type": "secret", "id": s.ID, "attributes": map[string]string{"name": s.Name, "type": s.Type}}
}

func (c *Cloud) listSecrets(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	all := make([]*secret, 0, len(c.secrets))
	for _, s := range c.secrets {
		all = append(all, s)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Order < all[j].Order })
	out := make([]map[string]any, 0, len(all))
	for _, s := range all {
		out = append(out, secretBody(s))
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"data": out})
}

func (c *Cloud) createSecret(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Data struct {
			Type       string `json:"type"`
			Attributes struct {
				Name  string `json:"name"`
				Value string `json:"value"`
				Type  string `json:"type"`
			} `json:"attributes"`
		} `json:"data"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		c.fail(w, http.StatusBadRequest, "Invalid JSON body")
		return
	}
	a := req.Data.Attributes
	switch {
	case req.Data.Type != "secret" || a.Type != "SSHKEY":
		c.fail(w, http.StatusBadRequest, `data.type must be "secret" and attributes.type "SSHKEY"`)
		return
	case strings.TrimSpace(a.Name) == "" || !strings.HasPrefix(strings.TrimSpace(a.Value), "ssh-"):
		c.fail(w, http.StatusBadRequest, "name and an SSH public key value are required")
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.Order++
	s := &secret{ID: c.newID(), Name: a.Name, Type: a.Type, Value: a.Value, Order: c.Order}
	c.secrets[s.ID] = s
	core.WriteJSON(w, http.StatusCreated, map[string]any{"data": secretBody(s)})
}

func (c *Cloud) getSecret(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.secrets[r.PathValue("id")]
	if !ok {
		c.fail(w, http.StatusNotFound, "Secret not found")
		return
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"data": secretBody(s)})
}

func (c *Cloud) deleteSecret(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id := r.PathValue("id")
	if _, ok := c.secrets[id]; !ok {
		c.fail(w, http.StatusNotFound, "Secret not found")
		return
	}
	delete(c.secrets, id)
	core.WriteJSON(w, http.StatusOK, map[string]any{"status": "success"})
}
