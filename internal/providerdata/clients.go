// Package providerdata carries the configured cloud clients from the
// provider's Configure to every resource and data source.
package providerdata

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	bluelobsterapi "github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	novaapi "github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	novitaiapi "github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
	tensordockapi "github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
	verdaapi "github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// Clients holds one client per configured cloud.
type Clients struct {
	Verda       *verdaapi.Client
	TensorDock  *tensordockapi.Client
	BlueLobster *bluelobsterapi.Client
	// Nova is always set: its offers and pricing need no credentials.
	// NovaConfigured says whether the configuration names Nova at all.
	Nova           *novaapi.Client
	NovaConfigured bool
	Novitai        *novitaiapi.Client
	// PollInterval, when set, replaces every wait's shortest pause between
	// status polls (set low against gpucloud-sim).
	PollInterval time.Duration
	// Claims are the objects this configuration created or adopted, which
	// a lost create answer never takes.
	Claims *adopt.Claims
}

// NotConfigured is the error for a cloud used without credentials.
func NotConfigured(cloud, block string, envVars ...string) diag.Diagnostic {
	return diag.NewErrorDiagnostic(
		fmt.Sprintf("%s is not configured", cloud),
		fmt.Sprintf("This configuration uses %s, but the gpucloud provider has no credentials for it. "+
			"Add a %q block to the provider configuration, or set the environment variables %v.", cloud, block, envVars),
	)
}

// From reads the provider data handed to a resource's or data source's
// Configure. It returns nil before the provider is configured.
func From(data any) (*Clients, diag.Diagnostics) {
	var diags diag.Diagnostics
	if data == nil {
		return nil, diags
	}
	c, ok := data.(*Clients)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("expected *providerdata.Clients, got %T; this is a bug in the provider", data))
		return nil, diags
	}
	return c, diags
}

// Cloud is one cloud as its resources find it among the Clients.
type Cloud[C any] struct {
	Name, Block string
	EnvVars     []string
	// Client is the cloud's client, nil when the configuration gives it no
	// credentials.
	Client func(*Clients) *C
}

// The clouds.
var (
	Verda = Cloud[verdaapi.Client]{"Verda", "verda", []string{"VERDA_CLIENT_ID", "VERDA_CLIENT_SECRET"},
		func(c *Clients) *verdaapi.Client { return c.Verda }}
	TensorDock = Cloud[tensordockapi.Client]{"TensorDock", "tensordock", []string{"TENSORDOCK_API_TOKEN"},
		func(c *Clients) *tensordockapi.Client { return c.TensorDock }}
	BlueLobster = Cloud[bluelobsterapi.Client]{"Blue Lobster", "bluelobster", []string{"BLUELOBSTER_API_KEY"},
		func(c *Clients) *bluelobsterapi.Client { return c.BlueLobster }}
	// Nova's client is always there, for the data sources that need no
	// credentials; its resources need them.
	Nova = Cloud[novaapi.Client]{"Nova Cloud", "nova", []string{"NOVA_API_KEY", "NOVA_EMAIL", "NOVA_PASSWORD"},
		func(c *Clients) *novaapi.Client {
			if c.Nova == nil || !c.Nova.Authenticated() {
				return nil
			}
			return c.Nova
		}}
	// NovaPublic is Nova for the data sources that need no credentials.
	NovaPublic = Cloud[novaapi.Client]{"Nova Cloud", "nova", nil, func(c *Clients) *novaapi.Client { return c.Nova }}
	Novitai    = Cloud[novitaiapi.Client]{"novitai", "novitai", []string{"NOVITAI_API_KEY", "NOVITAI_ENDPOINT"},
		func(c *Clients) *novitaiapi.Client { return c.Novitai }}
)

// Holder is embedded by every resource and data source of one cloud.
type Holder[C any] struct {
	Client  *C
	Clients *Clients
}

// Take keeps the provider data handed to Configure; before the provider is
// configured there is none. A cloud without credentials is an error that
// says how to give them.
func (h *Holder[C]) Take(cloud Cloud[C], data any, diags *diag.Diagnostics) {
	clients, d := From(data)
	diags.Append(d...)
	if clients == nil {
		return
	}
	client := cloud.Client(clients)
	if client == nil {
		diags.Append(NotConfigured(cloud.Name, cloud.Block, cloud.EnvVars...))
		return
	}
	h.Clients, h.Client = clients, client
}

// Poll returns the pause bounds for a wait: the cloud's defaults, or the
// configured interval for both.
func (c *Clients) Poll(floor, ceiling time.Duration) (time.Duration, time.Duration) {
	if c.PollInterval > 0 {
		return c.PollInterval, c.PollInterval
	}
	return floor, ceiling
}
