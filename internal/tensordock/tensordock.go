// Package tensordock is TensorDock's resources and data sources.
package tensordock

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

// Resources lists TensorDock's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewSSHKeyResource, NewInstanceResource}
}

// DataSources lists TensorDock's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewHostnodesDataSource, NewHostnodeDataSource, NewLocationsDataSource, NewInstancesDataSource, NewSSHKeyDataSource}
}

// clientHolder is embedded by every TensorDock resource and data source.
type clientHolder struct {
	providerdata.Holder[api.Client]
}

func (h *clientHolder) configure(data any, diags *diag.Diagnostics) {
	h.Take(providerdata.TensorDock, data, diags)
}

// Configure is every resource's: it takes the cloud's client.
func (h *clientHolder) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	h.configure(req.ProviderData, &resp.Diagnostics)
}
