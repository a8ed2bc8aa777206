// Package bluelobster is Blue Lobster's resources and data sources.
package bluelobster

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// Blue Lobster recommends polling tasks every 2-5 seconds.
const (
	taskPollFloor   = 2 * time.Second
	taskPollCeiling = 5 * time.Second
)

// Resources lists Blue Lobster's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewInstanceResource, NewFirewallResource, NewBackupScheduleResource, NewExtraIPResource, NewBackupResource}
}

// DataSources lists Blue Lobster's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewInstanceTypesDataSource, NewImagesDataSource, NewBackupsDataSource, NewInstancesDataSource, NewTeamsDataSource}
}

// clientHolder is embedded by every BlueLobster resource and data source.
type clientHolder struct {
	providerdata.Holder[api.Client]
}

func (h *clientHolder) configure(data any, diags *diag.Diagnostics) {
	h.Take(providerdata.BlueLobster, data, diags)
}

// Configure is every resource's: it takes the cloud's client.
func (h *clientHolder) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	h.configure(req.ProviderData, &resp.Diagnostics)
}

// waitOptions paces a wait for object, a task's or a machine's, at the
// rate Blue Lobster recommends.
func (h *clientHolder) waitOptions(object string) wait.Options {
	floor, ceiling := h.Clients.Poll(taskPollFloor, taskPollCeiling)
	return wait.Options{Object: object, Floor: floor, Ceiling: ceiling}
}

func nullIfEmpty(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
