// Package api is the novitai service's HTTP API: wire types and calls, no Terraform.
package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/coalesce"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Limits is the documented budget: a token bucket refilled with 100 requests
// a minute per API key, holding 20.
var Limits = transport.Limits{PerWindow: 100, Burst: 20}

// Paths from the service's source rather than its document [client].
const (
	pathStart = "/api/instances/%s/start"
	pathStop  = "/api/instances/%s/stop"
)

// Config is how to reach a novitai deployment; it is self-hosted, so the
// endpoint has no default.
type Config struct {
	Endpoint  string
	APIKey    string
	UserAgent string
	// Tuning bounds each request's attempts and retries; zero values get the transport's defaults.
	Tuning transport.Tuning
}

// Client calls a novitai service.
type Client struct {
	http      *transport.Client
	instances *coalesce.List[Instance]
}

// New returns a client that authenticates with a bearer API key.
func New(cfg Config) (*Client, error) {
	c, err := transport.New(transport.Config{Tuning: cfg.Tuning, Cloud: "novitai", BaseURL: cfg.Endpoint, UserAgent: cfg.UserAgent, Limits: Limits, Secrets: []string{cfg.APIKey}})
	if err != nil {
		return nil, err
	}
	client := &Client{http: c.WithAuth(transport.Bearer(cfg.APIKey))}
	client.instances = coalesce.New(client.ListInstances, func(i Instance) string { return i.ID }, client.http.Writes)
	return client, nil
}

func (c *Client) call(ctx context.Context, method, path string, body, out any) error {
	_, err := c.http.DoJSON(ctx, transport.Request{Method: method, Path: path, Body: body}, out)
	return err
}

// CreateRequest is the body of POST /api/instances.
type CreateRequest struct {
	Name        string `json:"name"`
	ProductName string `json:"productName"`
	TemplateID  string `json:"templateId"`
	GPUNum      int64  `json:"gpuNum,omitempty"`
	RootfsSize  int64  `json:"rootfsSize,omitempty"`
	Region      string `json:"region,omitempty"`
	WebhookURL  string `json:"webhookUrl,omitempty"`
	BillingMode string `json:"billingMode,omitempty"`
}

// Created is the answer to a create.
type Created struct {
	InstanceID         string       `json:"instanceId"`
	Status             string       `json:"status"`
	Message            string       `json:"message"`
	EstimatedReadyTime string       `json:"estimatedReadyTime"`
	NovitaInstanceID   string       `json:"novitaInstanceId"`
	ProductID          string       `json:"productId"`
	Region             string       `json:"region"`
	SpotPrice          jsonx.Number `json:"spotPrice"`
}

// PortMapping is a port reachable from outside.
type PortMapping struct {
	Port     int64  `json:"port"`
	Endpoint string `json:"endpoint"`
	Type     string `json:"type"`
}

// Instance is a GPU instance.
type Instance struct {
	ID                string        `json:"id"`
	Name              string        `json:"name"`
	Status            string        `json:"status"`
	GPUNum            int64         `json:"gpuNum"`
	Region            string        `json:"region"`
	PortMappings      []PortMapping `json:"portMappings"`
	ConnectionDetails struct {
		SSH         string `json:"ssh"`
		Jupyter     string `json:"jupyter"`
		WebTerminal string `json:"webTerminal"`
	} `json:"connectionDetails"`
	CreatedAt string `json:"createdAt"`
	ReadyAt   string `json:"readyAt"`
}

// Statuses of the documented lifecycle.
const (
	StatusCreating   = "creating"
	StatusStarting   = "starting"
	StatusRunning    = "running"
	StatusStopped    = "stopped"
	StatusFailed     = "failed"
	StatusTerminated = "terminated"
)

// CreateInstance starts creating an instance.
func (c *Client) CreateInstance(ctx context.Context, req CreateRequest) (*Created, error) {
	var out Created
	if err := c.call(ctx, http.MethodPost, "/api/instances", req, &out); err != nil {
		return nil, err
	}
	if out.InstanceID == "" {
		return nil, transport.NoIDError("novitai", http.MethodPost, "/api/instances")
	}
	return &out, nil
}

// GetInstance reads one instance.
func (c *Client) GetInstance(ctx context.Context, id string) (*Instance, error) {
	var out Instance
	return &out, c.call(ctx, http.MethodGet, "/api/instances/"+url.PathEscape(id), nil, &out)
}

// ListInstances lists the managed instances, newest first.
func (c *Client) ListInstances(ctx context.Context) ([]Instance, error) {
	var out struct {
		Instances []Instance `json:"instances"`
	}
	return out.Instances, c.call(ctx, http.MethodGet, "/api/instances", nil, &out)
}

// StartInstance starts a stopped instance.
func (c *Client) StartInstance(ctx context.Context, id string) error {
	return c.call(ctx, http.MethodPost, sprintf(pathStart, id), nil, nil)
}

// StopInstance stops a running instance.
func (c *Client) StopInstance(ctx context.Context, id string) error {
	return c.call(ctx, http.MethodPost, sprintf(pathStop, id), nil, nil)
}

// DeleteInstance deletes an instance.
func (c *Client) DeleteInstance(ctx context.Context, id string) error {
	return c.call(ctx, http.MethodDelete, "/api/instances/"+url.PathEscape(id), nil, nil)
}

func sprintf(format, id string) string { return fmt.Sprintf(format, url.PathEscape(id)) }
