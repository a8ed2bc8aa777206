// Package bluelobster is Blue Lobster's resources and data sources.
package bluelobster

import (
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
)

// Blue Lobster recommends polling tasks every 2-5 seconds.
const (
	taskPollFloor   = 2 * time.Second
	taskPollCeiling = 5 * time.Second
)

// Resources lists Blue Lobster's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewInstanceResource, NewFirewallResource, NewBackupScheduleResource, NewExtraIPResource}
}

// DataSources lists Blue Lobster's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewInstanceTypesDataSource, NewImagesDataSource, NewBackupsDataSource}
}

// clientHolder is embedded by every Blue Lobster resource and data source.
type clientHolder struct {
	client  *api.Client
	clients *providerdata.Clients
}

func (h *clientHolder) configure(providerData any, diags *diag.Diagnostics) {
	if providerData == nil {
		return
	}
	clients, d := providerdata.BlueLobsterClient(providerData)
	diags.Append(d...)
	if clients != nil {
		h.clients, h.client = clients, clients.BlueLobster
	}
}

func (h *clientHolder) poll() (time.Duration, time.Duration) {
	return h.clients.Poll(taskPollFloor, taskPollCeiling)
}
