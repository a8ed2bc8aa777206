// Package api is Blue Lobster's HTTP API: wire types, calls, and the waiter
// for its async tasks; no Terraform.
package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync/atomic"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/coalesce"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// DefaultEndpoint is Blue Lobster's API.
const DefaultEndpoint = "https://api.bluelobster.ai/api/v1"

// Paths no public source confirms [inferred]; kept here to be corrected in one place.
const (
	pathFirewallRule = "/instances/%s/firewall/rules/%d"
	// passwordField carries the login password at launch. The document's
	// launch body has no such field [inferred]; it is sent only when the
	// configuration sets a password.
	passwordField = "password"
)

// Config is how to reach one Blue Lobster account.
type Config struct {
	Endpoint  string
	APIKey    string
	UserAgent string
	// Tuning bounds each request's attempts and retries; zero values get the transport's defaults.
	Tuning transport.Tuning
}

// Client calls Blue Lobster's API.
type Client struct {
	http      *transport.Client
	instances *coalesce.List[Instance]
	catalogue catalogue
	// rulesAt is where this account's firewall adds new rules, once an add
	// has shown it: 0 not known yet, 1 at the bottom, 2 at the top.
	rulesAt atomic.Int32
}

// rulesAddedAtFact names, in the account's request record, where an add
// was seen to land, so that later processes know it before their first add.
const rulesAddedAtFact = "firewall_rules_added_at"

// RulesAddedAtTop reports where the account adds new firewall rules, and
// whether an add has shown it yet, in this process or an earlier one.
func (c *Client) RulesAddedAtTop() (atTop, known bool) {
	v := c.rulesAt.Load()
	return v == 2, v != 0
}

// LearnRulesAddedAt records where an add was seen to land.
func (c *Client) LearnRulesAddedAt(atTop bool) {
	if atTop {
		c.rulesAt.Store(2)
		c.http.SetFact(rulesAddedAtFact, "top")
	} else {
		c.rulesAt.Store(1)
		c.http.SetFact(rulesAddedAtFact, "bottom")
	}
}

// New returns a client that authenticates with the X-API-Key header.
func New(cfg Config) (*Client, error) {
	if cfg.Endpoint == "" {
		cfg.Endpoint = DefaultEndpoint
	}
	c, err := transport.New(transport.Config{Tuning: cfg.Tuning, Cloud: "Blue Lobster", BaseURL: cfg.Endpoint, UserAgent: cfg.UserAgent, Secrets: []string{cfg.APIKey}})
	if err != nil {
		return nil, err
	}
	client := &Client{http: c.WithAuth(transport.StaticHeader{Name: "X-API-Key", Value: cfg.APIKey})}
	client.instances = coalesce.New(client.ListInstances, func(i Instance) string { return i.UUID }, client.http.Writes)
	switch client.http.Fact(rulesAddedAtFact) {
	case "top":
		client.rulesAt.Store(2)
	case "bottom":
		client.rulesAt.Store(1)
	}
	return client, nil
}

func (c *Client) call(ctx context.Context, method, path string, body, out any) error {
	_, err := c.http.DoJSON(ctx, transport.Request{Method: method, Path: path, Body: body}, out)
	return err
}

func instancePath(id string, rest ...string) string {
	p := "/instances/" + url.PathEscape(id)
	for _, r := range rest {
		p += "/" + r
	}
	return p
}

// Task is an async operation.
type Task struct {
	TaskID    string `json:"task_id"`
	Status    string `json:"status"`
	Operation string `json:"operation"`
	VMUUID    string `json:"vm_uuid"`
	IPAddress string `json:"ip_address"`
	Message   string `json:"message"`
	Error     string `json:"error"`
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
}

// Task states.
const (
	TaskCompleted = "COMPLETED"
	TaskFailed    = "FAILED"
	TaskCancelled = "CANCELLED"
)

// GetTask reads a task.
func (c *Client) GetTask(ctx context.Context, id string) (*Task, error) {
	var t Task
	return &t, c.call(ctx, http.MethodGet, "/tasks/"+url.PathEscape(id), nil, &t)
}

// WaitTask follows a task to COMPLETED; FAILED and CANCELLED end the wait
// with the task's own message. opts.Object names what the task does; Blue
// Lobster recommends polling every 2-5 s.
func (c *Client) WaitTask(ctx context.Context, id string, opts wait.Options) (*Task, error) {
	opts.Object = fmt.Sprintf("%s (task %s)", opts.Object, id)
	opts.Target, opts.Failure = []string{TaskCompleted}, []string{TaskFailed, TaskCancelled}
	return wait.For(ctx, opts, func(ctx context.Context) (*Task, error) { return c.GetTask(ctx, id) },
		func(t *Task) wait.Observation {
			msg := t.Message
			if msg == "" {
				msg = t.Error
			}
			return wait.Observation{State: t.Status, Message: msg}
		})
}
