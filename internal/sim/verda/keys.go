package verda

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

type sshKey struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Key   string `json:"key"`
	Order int64
}

var keyPrefixes = []string{"ssh-rsa ", "ssh-ed25519 ", "ssh-dss ", "ecdsa-sha2-nistp256 ", "ecdsa-sha2-nistp384 ", "ecdsa-sha2-nistp521 ", "sk-ssh-ed25519@openssh.com ", "sk-ecdsa-sha2-nistp256@openssh.com "}

func validKey(key string) bool {
	for _, p := range keyPrefixes {
		if strings.HasPrefix(strings.TrimSpace(key), p) {
			return true
		}
	}
	return false
}

func (c *Cloud) sortedKeys() []sshKey {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]sshKey, 0, len(c.keys))
	for _, k := range c.keys {
		out = append(out, *k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out
}

func (c *Cloud) listKeys(w http.ResponseWriter, r *http.Request) {
	core.WriteJSON(w, http.StatusOK, c.sortedKeys())
}

func (c *Cloud) createKey(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name string `json:"name"`
		Key  string `json:"key"`
	}
	if !decode(w, r, &req) {
		return
	}
	switch {
	case strings.TrimSpace(req.Name) == "":
		fail(w, http.StatusBadRequest, "name is required")
		return
	case !validKey(req.Key):
		fail(w, http.StatusBadRequest, "key is not a valid public SSH key")
		return
	}
	c.mu.Lock()
	c.Order++
	k := &sshKey{ID: c.newID(), Name: req.Name, Key: strings.TrimSpace(req.Key), Order: c.Order}
	c.keys[k.ID] = k
	c.mu.Unlock()
	c.answerCreated(w, http.StatusCreated, k.ID)
}

func (c *Cloud) getKey(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	k, ok := c.keys[r.PathValue("id")]
	var found sshKey
	if ok {
		found = *k
	}
	c.mu.Unlock()
	if !ok {
		fail(w, http.StatusNotFound, "SSH key not found")
		return
	}
	if c.switches.Get().SSHKeyGetAsObject {
		core.WriteJSON(w, http.StatusOK, found)
		return
	}
	core.WriteJSON(w, http.StatusOK, []sshKey{found})
}

func (c *Cloud) deleteKey(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id := r.PathValue("id")
	if _, ok := c.keys[id]; !ok {
		fail(w, http.StatusNotFound, "SSH key not found")
		return
	}
	delete(c.keys, id)
	w.WriteHeader(http.StatusOK)
}

func (c *Cloud) deleteKeys(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Keys json.RawMessage `json:"keys"`
	}
	if !decode(w, r, &req) {
		return
	}
	ids := idList(req.Keys)
	if len(ids) == 0 {
		fail(w, http.StatusBadRequest, "keys is required")
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, id := range ids {
		if _, ok := c.keys[id]; !ok {
			failf(w, http.StatusNotFound, "SSH key %s not found", id)
			return
		}
	}
	for _, id := range ids {
		delete(c.keys, id)
	}
	w.WriteHeader(http.StatusOK)
}

// DeleteSSHKey removes a key behind the API's back, as a user in the console would.
func (c *Cloud) DeleteSSHKey(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.keys[id]
	delete(c.keys, id)
	return ok
}
