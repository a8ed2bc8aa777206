package verda

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

// Tag is a key, with an optional value, linked to an instance or a volume
// (SUPPLEMENT.md: keys at most 63 characters, lowercased; values at most 127;
// at most 10 per object).
type Tag struct {
	ID    string `json:"id"`
	Key   string `json:"key"`
	Value string `json:"value"`
}

type tagSpec struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

const maxTags = 10

// newTags checks and links the tags of a create body; "" when they are fine.
func (c *Cloud) newTags(specs []tagSpec) ([]Tag, string) {
	if len(specs) > maxTags {
		return nil, "An object takes at most 10 tags"
	}
	var out []Tag
	for _, s := range specs {
		t, msg := c.newTag(s)
		if msg != "" {
			return nil, msg
		}
		if slices.ContainsFunc(out, func(o Tag) bool { return o.Key == t.Key }) {
			return nil, "Tag key " + t.Key + " is given twice"
		}
		out = append(out, t)
	}
	return out, ""
}

func (c *Cloud) newTag(s tagSpec) (Tag, string) {
	key := strings.ToLower(strings.TrimSpace(s.Key))
	switch {
	case key == "" || len(key) > 63:
		return Tag{}, "A tag key is 1 to 63 characters"
	case len(s.Value) > 127:
		return Tag{}, "A tag value is at most 127 characters"
	}
	return Tag{ID: c.newID(), Key: key, Value: s.Value}, ""
}

// tagsOf finds the tags of the instance or volume the path names. Callers
// hold c.mu.
func (c *Cloud) tagsOf(kind, id string) (*[]Tag, bool) {
	if kind == "clusters" {
		if cl, ok := c.clusters[id]; ok {
			return &cl.Tags, true
		}
		return nil, false
	}
	if kind == "instances" {
		if i, ok := c.instances[id]; ok {
			return &i.Tags, true
		}
		return nil, false
	}
	if v, ok := c.volumes[id]; ok && v.Status != volumeDeleted {
		return &v.Tags, true
	}
	return nil, false
}

func (c *Cloud) addTag(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req tagSpec
		if !decode(w, r, &req) {
			return
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		c.settle()
		tags, ok := c.tagsOf(kind, r.PathValue("id"))
		if !ok {
			fail(w, http.StatusNotFound, "Not found")
			return
		}
		t, msg := c.newTag(req)
		switch {
		case msg != "":
			fail(w, http.StatusBadRequest, msg)
			return
		case slices.ContainsFunc(*tags, func(o Tag) bool { return o.Key == t.Key }):
			core.WriteJSON(w, http.StatusConflict, map[string]string{"code": "conflict", "message": "Tag " + t.Key + " is already linked"})
			return
		case len(*tags) >= maxTags:
			fail(w, http.StatusBadRequest, "An object takes at most 10 tags")
			return
		}
		*tags = append(*tags, t)
		core.WriteJSON(w, http.StatusCreated, t)
	}
}

// deleteTag takes the tag's ID, or its key, as one official client sends.
func (c *Cloud) deleteTag(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.settle()
		tags, ok := c.tagsOf(kind, r.PathValue("id"))
		if !ok {
			fail(w, http.StatusNotFound, "Not found")
			return
		}
		ref := r.PathValue("tag")
		n := slices.IndexFunc(*tags, func(t Tag) bool { return t.ID == ref || t.Key == strings.ToLower(ref) })
		if n < 0 {
			fail(w, http.StatusNotFound, "Tag not found")
			return
		}
		*tags = slices.Delete(*tags, n, n+1)
		w.WriteHeader(http.StatusNoContent)
	}
}

// tagList is the tags as objects carry them back: always a list.
func tagList(tags []Tag) json.RawMessage {
	if tags == nil {
		tags = []Tag{}
	}
	b, _ := json.Marshal(tags)
	return b
}

// LinkTag links a tag to an instance or volume ("instances", "volumes"), as
// the console would.
func (c *Cloud) LinkTag(kind, id, key, value string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	tags, ok := c.tagsOf(kind, id)
	if !ok {
		return false
	}
	t, msg := c.newTag(tagSpec{Key: key, Value: value})
	if msg != "" {
		return false
	}
	*tags = append(*tags, t)
	return true
}
