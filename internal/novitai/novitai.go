// Package novitai is the novitai service's resources and data sources.
package novitai

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
)

// Resources lists novitai's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewInstanceResource}
}

// DataSources lists novitai's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewInstanceDataSource, NewInstancesDataSource}
}

// clientHolder is embedded by every Novitai resource and data source.
type clientHolder struct {
	providerdata.Holder[api.Client]
}

func (h *clientHolder) configure(data any, diags *diag.Diagnostics) {
	h.Take(providerdata.Novitai, data, diags)
}

// Configure is every resource's: it takes the cloud's client.
func (h *clientHolder) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	h.configure(req.ProviderData, &resp.Diagnostics)
}

// The document's polling advice.
const (
	creatingPollInterval = 12 * time.Second
	startingPollInterval = 5 * time.Second
)

// pollInterval follows the document's advice: every 10-15 seconds while
// creating, every 5 once starting. A configured poll_interval replaces both.
func (h *clientHolder) pollInterval(state string) time.Duration {
	return pollInterval(h.Clients, state)
}

func pollInterval(clients *providerdata.Clients, state string) time.Duration {
	if floor, _ := clients.Poll(0, 0); floor > 0 {
		return floor
	}
	if state == api.StatusCreating {
		return creatingPollInterval
	}
	return startingPollInterval
}

func nullIfEmpty(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
