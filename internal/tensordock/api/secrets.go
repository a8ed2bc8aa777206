package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Secret is a stored secret; TensorDock never sends its value back.
type Secret struct {
	ID   string
	Name string
	Type string
}

type secretAttributes struct {
	Name  string `json:"name"`
	Value string `json:"value,omitempty"`
	Type  string `json:"type"`
}

type secretData struct {
	Type       string           `json:"type"`
	ID         string           `json:"id"`
	Attributes secretAttributes `json:"attributes"`
}

func (d secretData) secret() Secret {
	return Secret{ID: d.ID, Name: d.Attributes.Name, Type: d.Attributes.Type}
}

// CreateSSHKey stores a public key as a secret of type SSHKEY.
func (c *Client) CreateSSHKey(ctx context.Context, name, key string) (string, error) {
	var req resourceDoc[secretAttributes]
	req.Data.Type, req.Data.Attributes = "secret", secretAttributes{Name: name, Value: key, Type: "SSHKEY"}
	var out struct {
		Data secretData `json:"data"`
	}
	if err := c.do(ctx, transport.Request{Method: http.MethodPost, Path: "/secrets", Body: req}, &out); err != nil {
		return "", err
	}
	if out.Data.ID == "" {
		return "", fmt.Errorf("TensorDock API: POST /secrets: the answer has no secret ID")
	}
	return out.Data.ID, nil
}

// GetSecret reads a secret's name and type.
func (c *Client) GetSecret(ctx context.Context, id string) (*Secret, error) {
	var out struct {
		Data secretData `json:"data"`
	}
	if err := get(ctx, c, "/secrets/"+url.PathEscape(id), &out); err != nil {
		return nil, err
	}
	s := out.Data.secret()
	if s.ID == "" {
		s.ID = id
	}
	return &s, nil
}

// ListSSHKeys lists the secrets of type SSHKEY, and those whose type is not
// reported.
func (c *Client) ListSSHKeys(ctx context.Context) ([]Secret, error) {
	var out struct {
		Data []secretData `json:"data"`
	}
	if err := get(ctx, c, "/secrets", &out); err != nil {
		return nil, err
	}
	var keys []Secret
	for _, d := range out.Data {
		// A secret whose type is not reported may be a key; only one of another type is left out.
		if t := d.Attributes.Type; t == "" || strings.EqualFold(t, "SSHKEY") {
			keys = append(keys, d.secret())
		}
	}
	return keys, nil
}

// DeleteSecret removes a secret.
func (c *Client) DeleteSecret(ctx context.Context, id string) error {
	return c.do(ctx, transport.Request{Method: http.MethodDelete, Path: "/secrets/" + url.PathEscape(id)}, nil)
}
