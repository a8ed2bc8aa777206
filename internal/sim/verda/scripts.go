package verda

import (
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

type script struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Script string `json:"script"`
	Order  int64
}

const maxPageSize = 100

func (c *Cloud) listScripts(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	all := make([]script, 0, len(c.scripts))
	for _, s := range c.scripts {
		all = append(all, *s)
	}
	c.mu.Unlock()
	sort.Slice(all, func(i, j int) bool { return all[i].Order < all[j].Order })

	q := r.URL.Query()
	if q.Get("page") == "" && q.Get("pageSize") == "" {
		core.WriteJSON(w, http.StatusOK, all)
		return
	}
	page, err := strconv.Atoi(q.Get("page"))
	if q.Get("page") == "" {
		page, err = 1, nil
	}
	if err != nil || page < 1 {
		fail(w, http.StatusBadRequest, "page must be a positive integer")
		return
	}
	size, err := strconv.Atoi(q.Get("pageSize"))
	if q.Get("pageSize") == "" {
		size, err = 10, nil
	}
	if err != nil || size < 1 || size > maxPageSize {
		fail(w, http.StatusBadRequest, "pageSize must be between 1 and 100")
		return
	}
	start := min((page-1)*size, len(all))
	end := min(start+size, len(all))
	w.Header().Set("X-Page", strconv.Itoa(page))
	w.Header().Set("X-Page-Size", strconv.Itoa(size))
	w.Header().Set("X-Total-Count", strconv.Itoa(len(all)))
	core.WriteJSON(w, http.StatusOK, all[start:end])
}

func (c *Cloud) createScript(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name   string `json:"name"`
		Script string `json:"script"`
	}
	if !decode(w, r, &req) {
		return
	}
	if strings.TrimSpace(req.Name) == "" || req.Script == "" {
		fail(w, http.StatusBadRequest, "name and script are required")
		return
	}
	quota := c.switches.Get().ScriptQuota
	c.mu.Lock()
	if len(c.scripts) >= quota {
		c.mu.Unlock()
		failf(w, http.StatusForbidden, "Startup script quota of %d reached", quota)
		return
	}
	c.Order++
	s := &script{ID: c.newID(), Name: req.Name, Script: req.Script, Order: c.Order}
	c.scripts[s.ID] = s
	c.mu.Unlock()
	c.answerCreated(w, http.StatusCreated, s.ID)
}

func (c *Cloud) getScript(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	s, ok := c.scripts[r.PathValue("id")]
	var found script
	if ok {
		found = *s
	}
	c.mu.Unlock()
	if !ok {
		fail(w, http.StatusNotFound, "Startup script not found")
		return
	}
	core.WriteJSON(w, http.StatusOK, found)
}

func (c *Cloud) deleteScript(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id := r.PathValue("id")
	if _, ok := c.scripts[id]; !ok {
		fail(w, http.StatusNotFound, "Startup script not found")
		return
	}
	delete(c.scripts, id)
	w.WriteHeader(http.StatusOK)
}

func (c *Cloud) deleteScripts(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Scripts json.RawMessage `json:"scripts"`
	}
	if !decode(w, r, &req) {
		return
	}
	ids := idList(req.Scripts)
	if len(ids) == 0 {
		fail(w, http.StatusBadRequest, "scripts is required")
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, id := range ids {
		delete(c.scripts, id)
	}
	w.WriteHeader(http.StatusOK)
}

// ReplaceScript changes a script's content behind the API's back.
func (c *Cloud) ReplaceScript(id, content string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.scripts[id]
	if ok {
		s.Script = content
	}
	return ok
}

// DeleteScript removes a script behind the API's back.
func (c *Cloud) DeleteScript(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.scripts[id]
	delete(c.scripts, id)
	return ok
}
