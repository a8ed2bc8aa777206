// Package tensordock is TensorDock's resources and data sources.
package tensordock

import (
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
	return []func() datasource.DataSource{NewHostnodesDataSource, NewHostnodeDataSource, NewLocationsDataSource}
}

// clientHolder is embedded by every TensorDock resource and data source.
type clientHolder struct {
	client  *api.Client
	clients *providerdata.Clients
}

func (h *clientHolder) configure(providerData any, diags *diag.Diagnostics) {
	if providerData == nil {
		return
	}
	clients, d := providerdata.TensorDockClient(providerData)
	diags.Append(d...)
	if clients != nil {
		h.clients, h.client = clients, clients.TensorDock
	}
}
