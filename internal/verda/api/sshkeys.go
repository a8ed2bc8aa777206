package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// CreateSSHKey stores a public key and returns its ID.
func (c *Client) CreateSSHKey(ctx context.Context, name, key string) (string, error) {
	return c.create(ctx, "/ssh-keys", map[string]string{"name": name, "key": key})
}

// GetSSHKey reads one key. Verda answers with a one-element array; an empty
// array means the key is gone and becomes a not-found error.
func (c *Client) GetSSHKey(ctx context.Context, id string) (*SSHKey, error) {
	path := "/ssh-keys/" + url.PathEscape(id)
	resp, err := c.http.Do(ctx, transport.Request{Method: http.MethodGet, Path: path})
	if err != nil {
		return nil, err
	}
	keys, err := oneOrMany[SSHKey](resp.Body)
	if err != nil {
		return nil, fmt.Errorf("Verda API: GET %s: unexpected answer: %w", path, err)
	}
	for _, k := range keys {
		if k.ID == id || len(keys) == 1 && k.ID == "" {
			k.ID = id
			return &k, nil
		}
	}
	return nil, &transport.APIError{Cloud: "Verda", Method: http.MethodGet, Path: path, Status: http.StatusNotFound, Code: "not_found", Message: "SSH key not found"}
}

// ListSSHKeys lists every key of the project.
func (c *Client) ListSSHKeys(ctx context.Context) ([]SSHKey, error) {
	var keys []SSHKey
	_, err := c.http.DoJSON(ctx, transport.Request{Method: http.MethodGet, Path: "/ssh-keys"}, &keys)
	return keys, err
}

// DeleteSSHKey removes a key.
func (c *Client) DeleteSSHKey(ctx context.Context, id string) error {
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodDelete, Path: "/ssh-keys/" + url.PathEscape(id)})
	return err
}
