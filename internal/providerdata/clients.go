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

// VerdaClient returns the clients, with the error that says how to configure
// Verda when it is not.
func VerdaClient(data any) (*Clients, diag.Diagnostics) {
	c, diags := From(data)
	if c == nil || diags.HasError() {
		return nil, diags
	}
	if c.Verda == nil {
		diags.Append(NotConfigured("Verda", "verda", "VERDA_CLIENT_ID", "VERDA_CLIENT_SECRET"))
		return nil, diags
	}
	return c, diags
}

// TensorDockClient returns the clients, with the error that says how to
// configure TensorDock when it is not.
func TensorDockClient(data any) (*Clients, diag.Diagnostics) {
	c, diags := From(data)
	if c == nil || diags.HasError() {
		return nil, diags
	}
	if c.TensorDock == nil {
		diags.Append(NotConfigured("TensorDock", "tensordock", "TENSORDOCK_API_TOKEN"))
		return nil, diags
	}
	return c, diags
}

// BlueLobsterClient returns the clients, with the error that says how to
// configure Blue Lobster when it is not.
func BlueLobsterClient(data any) (*Clients, diag.Diagnostics) {
	c, diags := From(data)
	if c == nil || diags.HasError() {
		return nil, diags
	}
	if c.BlueLobster == nil {
		diags.Append(NotConfigured("Blue Lobster", "bluelobster", "BLUELOBSTER_API_KEY"))
		return nil, diags
	}
	return c, diags
}

// NovaClient returns the clients when Nova Cloud has credentials, with the
// error that says how to configure them when not.
func NovaClient(data any) (*Clients, diag.Diagnostics) {
	c, diags := From(data)
	if c == nil || diags.HasError() {
		return nil, diags
	}
	if c.Nova == nil || !c.Nova.Authenticated() {
		diags.Append(NotConfigured("Nova Cloud", "nova", "NOVA_API_KEY", "NOVA_EMAIL", "NOVA_PASSWORD"))
		return nil, diags
	}
	return c, diags
}

// NovitaiClient returns the clients, with the error that says how to
// configure novitai when it is not.
func NovitaiClient(data any) (*Clients, diag.Diagnostics) {
	c, diags := From(data)
	if c == nil || diags.HasError() {
		return nil, diags
	}
	if c.Novitai == nil {
		diags.Append(NotConfigured("novitai", "novitai", "NOVITAI_API_KEY", "NOVITAI_ENDPOINT"))
		return nil, diags
	}
	return c, diags
}

// Poll returns the pause bounds for a wait: the cloud's defaults, or the
// configured interval for both.
func (c *Clients) Poll(floor, ceiling time.Duration) (time.Duration, time.Duration) {
	if c.PollInterval > 0 {
		return c.PollInterval, c.PollInterval
	}
	return floor, ceiling
}
