// Package api is Nova Cloud's HTTP API: wire types and calls, no Terraform.
package api

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/coalesce"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// DefaultEndpoint is Nova Cloud's API.
const DefaultEndpoint = "https://api.nova-cloud.ai"

// Limits: the document gives 5 logins and 10 other auth calls a minute per
// user and "standard" limits otherwise; 300 a minute is what its example
// headers show.
var Limits = transport.Limits{
	PerWindow: 300,
	Endpoints: map[string]int{"POST /auth/login": 5, "POST /auth/refresh": 10},
}

// Paths public sources do not confirm [inferred]; kept in one place.
const (
	pathVM      = "/vms/%s"
	pathStartVM = "/vms/%s/start"
	pathStopVM  = "/vms/%s/stop"
	pathSSHKeys = "/ssh-keys"
)

// Config is how to reach one Nova Cloud account: an API key, or an email and
// password to log in with. Without either only public endpoints work.
type Config struct {
	Endpoint  string
	APIKey    string
	Email     string
	Password  string
	UserAgent string
	// Tuning bounds each request's attempts and retries; zero values get the transport's defaults.
	Tuning transport.Tuning
}

// Client calls Nova Cloud's API.
type Client struct {
	http          *transport.Client
	authenticated bool
	vms           *coalesce.List[VM]
	sshKeys       *coalesce.List[SSHKey]
	catalogue     catalogue
}

// New returns a client; it authenticates when cfg has credentials.
func New(cfg Config) (*Client, error) {
	if cfg.Endpoint == "" {
		cfg.Endpoint = DefaultEndpoint
	}
	base, err := transport.New(transport.Config{Tuning: cfg.Tuning,
		Cloud: "Nova Cloud", BaseURL: cfg.Endpoint, UserAgent: cfg.UserAgent, Limits: Limits, Secrets: []string{cfg.APIKey, cfg.Password},
	})
	if err != nil {
		return nil, err
	}
	c := &Client{http: base}
	switch {
	case cfg.APIKey != "":
		c.http, c.authenticated = base.WithAuth(transport.Bearer(cfg.APIKey)), true
	case cfg.Email != "" && cfg.Password != "":
		login := transport.NewLogin(base, "/auth/login", "/auth/refresh",
			map[string]string{"email": cfg.Email, "password": cfg.Password}, "check email and password")
		c.http, c.authenticated = base.WithAuth(login), true
	}
	c.vms = coalesce.New(c.ListVMs, func(v VM) string { return v.ID }, c.http.Writes)
	c.sshKeys = coalesce.New(c.ListSSHKeys, func(k SSHKey) string { return k.ID }, c.http.Writes)
	return c, nil
}

// Authenticated reports whether the client has credentials.
func (c *Client) Authenticated() bool { return c.authenticated }

// insufficientBalance starts the message Nova sends when the balance cannot
// pay for a VM; it sends no code, so this marks the error.
const insufficientBalance = "Insufficient balance"

func (c *Client) call(ctx context.Context, method, path string, query url.Values, body, out any) error {
	_, err := c.http.DoJSON(ctx, transport.Request{Method: method, Path: path, Query: query, Body: body, NoAuth: !c.authenticated}, out)
	var e *transport.APIError
	if errors.As(err, &e) && e.Code == "" && strings.HasPrefix(e.Message, insufficientBalance) {
		e.Code = "insufficient_funds"
	}
	return err
}

// pageSize is Nova's default page size; lists read pages until a short one.
const pageSize = 50

func list[T any](ctx context.Context, c *Client, path string) ([]T, error) {
	var all []T
	for offset := 0; ; offset += pageSize {
		var batch []T
		q := url.Values{"limit": {strconv.Itoa(pageSize)}, "offset": {strconv.Itoa(offset)}}
		if err := c.call(ctx, http.MethodGet, path, q, nil, &batch); err != nil {
			return nil, err
		}
		all = append(all, batch...)
		if len(batch) < pageSize {
			return all, nil
		}
	}
}

func transportPublic(method, path string) transport.Request {
	return transport.Request{Method: method, Path: path, NoAuth: true}
}
