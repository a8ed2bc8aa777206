// Package api is Verda's HTTP API: wire types and calls, no Terraform.
package api

import (
	"github.com/gpucloud/terraform-provider-gpucloud/internal/batch"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/coalesce"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// DefaultEndpoint is Verda's public API.
const DefaultEndpoint = "https://api.verda.com/v1"

// Paths that public clients use but the document leaves open [client]; kept
// here so they are easy to correct.
const (
	// availabilitySpotParam selects spot rather than on-demand capacity.
	availabilitySpotParam = "is_spot"
	// availabilityLocationParam narrows the availability answer to a location.
	availabilityLocationParam = "location_code"
)

// Limits are Verda's documented budgets: 500 requests a minute per project,
// 60 per method and path, 120 for the instance and volume lists.
var Limits = transport.Limits{
	PerWindow:   500,
	PerEndpoint: 60,
	Endpoints:   map[string]int{"GET /instances": 120, "GET /volumes": 120},
}

// Config is how to reach one Verda project.
type Config struct {
	Endpoint     string
	ClientID     string
	ClientSecret string
	UserAgent    string
	// Tuning bounds each request's attempts and retries; zero values get the transport's defaults.
	Tuning transport.Tuning
	// Limits replaces the documented rate limits when its PerWindow is set.
	Limits transport.Limits
}

// Client calls Verda's API.
type Client struct {
	http      *transport.Client
	instances *coalesce.List[Instance]
	volumes   *coalesce.List[Volume]
	sshKeys   *coalesce.List[SSHKey]
	scripts   *coalesce.List[StartupScript]
	catalogue catalogue
	deletes   *batch.Batcher[deleteKey, string]
}

// New returns a client that authenticates with OAuth2 client credentials.
func New(cfg Config) (*Client, error) {
	if cfg.Endpoint == "" {
		cfg.Endpoint = DefaultEndpoint
	}
	limits := Limits
	if cfg.Limits.PerWindow > 0 {
		limits = cfg.Limits
	}
	base, err := transport.New(transport.Config{Tuning: cfg.Tuning,
		Cloud:     "Verda",
		BaseURL:   cfg.Endpoint,
		UserAgent: cfg.UserAgent,
		Limits:    limits,
		Secrets:   []string{cfg.ClientSecret},
	})
	if err != nil {
		return nil, err
	}
	auth := transport.NewClientCredentials(base, "/oauth2/token", cfg.ClientID, cfg.ClientSecret)
	c := &Client{http: base.WithAuth(auth)}
	c.instances = coalesce.New(c.ListInstances, func(i Instance) string { return i.ID }, c.http.Writes)
	c.volumes = coalesce.New(c.ListVolumes, func(v Volume) string { return v.ID }, c.http.Writes)
	c.sshKeys = coalesce.New(c.ListSSHKeys, func(k SSHKey) string { return k.ID }, c.http.Writes)
	c.scripts = coalesce.New(c.ListStartupScripts, func(s StartupScript) string { return s.ID }, c.http.Writes)
	c.deletes = batch.New(deleteWindow, deletesPerRequest, c.sendDeletes)
	return c, nil
}
