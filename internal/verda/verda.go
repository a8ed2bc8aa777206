// Package verda is Verda's resources and data sources.
package verda

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// Resources lists Verda's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewSSHKeyResource, NewStartupScriptResource, NewInstanceResource, NewVolumeResource}
}

// DataSources lists Verda's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewLocationsDataSource, NewImagesDataSource, NewVolumeTypesDataSource, NewInstanceTypesDataSource,
		NewInstanceDataSource, NewVolumesDataSource,
	}
}

// clientHolder is embedded by every Verda resource and data source.
type clientHolder struct {
	client  *api.Client
	clients *providerdata.Clients
}

func (h *clientHolder) configure(providerData any, diags *diag.Diagnostics) {
	if providerData == nil {
		return
	}
	clients, d := providerdata.VerdaClient(providerData)
	diags.Append(d...)
	if clients != nil {
		h.clients, h.client = clients, clients.Verda
	}
}
