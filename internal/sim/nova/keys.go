package nova

import (
	"net/http"
	"sort"
	"strings"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

type sshKey struct {
	ID, Label, Type, Fingerprint string
	CreatedAt                    time.Time
}

func keyBody(k *sshKey) map[string]any {
	return map[string]any{"id": k.ID, "label": k.Label, "key_type": k.Type, "fingerprint": k.Fingerprint, "created_at": k.CreatedAt.UTC().Format(time.RFC3339)}
}

func (c *Cloud) listKeys(w http.ResponseWriter, r *http.Request, _ caller) {
	c.mu.Lock()
	defer c.mu.Unlock()
	all := make([]*sshKey, 0, len(c.keys))
	for _, k := range c.keys {
		all = append(all, k)
	}
	sort.Slice(all, func(i, j int) bool {
		return all[i].CreatedAt.Before(all[j].CreatedAt) || all[i].CreatedAt.Equal(all[j].CreatedAt) && all[i].ID < all[j].ID
	})
	got, ok := page(r, all)
	if !ok {
		invalid(w, "limit", "limit must be 1 to 500 and offset at least 0")
		return
	}
	out := make([]map[string]any, 0, len(got))
	for _, k := range got {
		out = append(out, keyBody(k))
	}
	core.WriteJSON(w, http.StatusOK, out)
}

func (c *Cloud) createKey(w http.ResponseWriter, r *http.Request, _ caller) {
	var req struct {
		SSHPublicKey string `json:"ssh_public_key"`
		Label        string `json:"label"`
	}
	if !decode(w, r, &req) {
		return
	}
	key, _, _, _, err := ssh.ParseAuthorizedKey([]byte(strings.TrimSpace(req.SSHPublicKey)))
	if err != nil {
		invalid(w, "ssh_public_key", "not a valid SSH public key")
		return
	}
	if strings.TrimSpace(req.Label) == "" {
		invalid(w, "label", "label is required")
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.keys) >= maxSSHKeysPerUser {
		fail(w, http.StatusBadRequest, "Maximum of %d SSH keys reached. Delete a key before adding another.", maxSSHKeysPerUser)
		return
	}
	k := &sshKey{ID: c.newID(), Label: req.Label, Type: key.Type(), Fingerprint: ssh.FingerprintSHA256(key), CreatedAt: c.now()}
	c.keys[k.ID] = k
	core.WriteJSON(w, http.StatusCreated, keyBody(k))
}

func (c *Cloud) getKey(w http.ResponseWriter, r *http.Request, _ caller) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if k, ok := c.keys[r.PathValue("id")]; ok {
		core.WriteJSON(w, http.StatusOK, keyBody(k))
		return
	}
	fail(w, http.StatusNotFound, "SSH key not found")
}

func (c *Cloud) deleteKey(w http.ResponseWriter, r *http.Request, _ caller) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.keys[r.PathValue("id")]; !ok {
		fail(w, http.StatusNotFound, "SSH key not found")
		return
	}
	delete(c.keys, r.PathValue("id"))
	w.WriteHeader(http.StatusNoContent)
}
