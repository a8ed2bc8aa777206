// Package api is TensorDock's v2 HTTP API: wire types and calls, no Terraform.
package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/coalesce"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// DefaultEndpoint is TensorDock's API.
const DefaultEndpoint = "https://dashboard.tensordock.com/api/v2"

// Limits is TensorDock's documented budget: 100 requests a minute per organisation.
var Limits = transport.Limits{PerWindow: 100}

// NoCapacityMessage is how TensorDock says no hostnode can take a request. It
// sends no code, so this message is what marks a capacity error.
const NoCapacityMessage = "No available nodes found"

// Config is how to reach one TensorDock organisation.
type Config struct {
	Endpoint  string
	Token     string
	UserAgent string
	// Tuning bounds each request's attempts and retries; zero values get the transport's defaults.
	Tuning transport.Tuning
}

// Client calls TensorDock's API.
type Client struct {
	http      *transport.Client
	instances *coalesce.List[Instance]
	sshKeys   *coalesce.List[Secret]
	catalogue catalogue
}

// New returns a client that authenticates with a bearer token.
func New(cfg Config) (*Client, error) {
	if cfg.Endpoint == "" {
		cfg.Endpoint = DefaultEndpoint
	}
	c, err := transport.New(transport.Config{Tuning: cfg.Tuning,
		Cloud: "TensorDock", BaseURL: cfg.Endpoint, UserAgent: cfg.UserAgent, Limits: Limits, Secrets: []string{cfg.Token},
	})
	if err != nil {
		return nil, err
	}
	client := &Client{http: c.WithAuth(transport.Bearer(cfg.Token))}
	client.instances = coalesce.New(client.ListInstances, func(i Instance) string { return i.ID }, client.http.Writes)
	client.sshKeys = coalesce.New(client.ListSSHKeys, func(s Secret) string { return s.ID }, client.http.Writes)
	return client, nil
}

// do sends a request, decodes the answer into out (when not nil) and turns
// TensorDock's errors into *transport.APIError.
func (c *Client) do(ctx context.Context, req transport.Request, out any) error {
	resp, err := c.send(ctx, req)
	if err != nil || out == nil || len(bytes.TrimSpace(resp.Body)) == 0 {
		return err
	}
	if err := jsonx.Unmarshal(resp.Body, out); err != nil {
		return c.http.Unreadable(req, resp, err)
	}
	return nil
}

// send sends a request and turns TensorDock's errors into
// *transport.APIError, including those it sends with HTTP 200 and a
// {"status": 4xx, "error"} body.
func (c *Client) send(ctx context.Context, req transport.Request) (*transport.Response, error) {
	resp, err := c.http.Do(ctx, req)
	if err != nil {
		return nil, classify(err)
	}
	var probe struct {
		Status json.RawMessage `json:"status"`
		Error  string          `json:"error"`
	}
	if body := bytes.TrimSpace(resp.Body); len(body) > 0 && body[0] == '{' && json.Unmarshal(body, &probe) == nil {
		var status int
		if probe.Error != "" && jsonx.Unmarshal(probe.Status, &status) == nil && status >= 400 {
			return nil, classify(transport.DecodeError("TensorDock", req.Method, req.Path, status, resp.Header, body))
		}
	}
	return resp, nil
}

func classify(err error) error {
	var e *transport.APIError
	if errors.As(err, &e) && e.Code == "" && strings.Contains(e.Message, NoCapacityMessage) {
		e.Code = "no_capacity"
	}
	return err
}

func get(ctx context.Context, c *Client, path string, out any) error {
	return c.do(ctx, transport.Request{Method: http.MethodGet, Path: path}, out)
}
