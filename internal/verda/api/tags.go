package api

import (
	"context"
	"net/http"
	"net/url"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Tag is a key, with an optional value, linked to an instance or a volume;
// objects carry their tags back (SUPPLEMENT.md).
type Tag struct {
	ID    string `json:"id"`
	Key   string `json:"key"`
	Value string `json:"value"`
}

// TagSpec is a tag to link, in a create body or on its own.
type TagSpec struct {
	Key   string `json:"key"`
	Value string `json:"value,omitempty"`
}

// Tagged objects: "instances" or "volumes".
const (
	TaggedInstances = "instances"
	TaggedVolumes   = "volumes"
)

// AddTag links a tag to the object; one already linked is a conflict.
func (c *Client) AddTag(ctx context.Context, kind, id string, tag TagSpec) error {
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodPost, Path: "/" + kind + "/" + url.PathEscape(id) + "/tags", Body: tag})
	return err
}

// RemoveTag unlinks a tag by its ID, or by its key where that is what the
// cloud needs (the official clients disagree); a tag already gone is fine.
func (c *Client) RemoveTag(ctx context.Context, kind, id string, tag Tag) error {
	remove := func(ref string) error {
		_, err := c.http.Do(ctx, transport.Request{Method: http.MethodDelete, Path: "/" + kind + "/" + url.PathEscape(id) + "/tags/" + url.PathEscape(ref)})
		return err
	}
	var err error
	if tag.ID != "" {
		err = remove(tag.ID)
	}
	if tag.ID == "" || transport.IsNotFound(err) || transport.IsBadRequest(err) {
		err = remove(tag.Key)
	}
	if transport.IsNotFound(err) {
		return nil
	}
	return err
}
