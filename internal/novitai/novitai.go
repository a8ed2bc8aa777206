// Package novitai is the novitai service's resources and data sources.
package novitai

import (
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
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

type clientHolder struct {
	client  *api.Client
	clients *providerdata.Clients
}

func (h *clientHolder) configure(providerData any, diags *diag.Diagnostics) {
	if providerData == nil {
		return
	}
	clients, d := providerdata.NovitaiClient(providerData)
	diags.Append(d...)
	if clients != nil {
		h.clients, h.client = clients, clients.Novitai
	}
}

// pollInterval follows the document's advice: every 10-15 seconds while
// creating, every 5 once starting. A configured poll_interval replaces both.
func (h *clientHolder) pollInterval(state string) time.Duration {
	if floor, _ := h.clients.Poll(0, 0); floor > 0 {
		return floor
	}
	if state == api.StatusCreating {
		return 12 * time.Second
	}
	return 5 * time.Second
}

var (
	portMappingType = types.ObjectType{AttrTypes: map[string]attr.Type{"port": types.Int64Type, "endpoint": types.StringType, "type": types.StringType}}
	connectionType  = types.ObjectType{AttrTypes: map[string]attr.Type{"ssh": types.StringType, "jupyter": types.StringType, "web_terminal": types.StringType}}
)

func nullIfEmpty(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// reported is what the service tells about an instance, shared by the
// resource and the data sources.
type reported struct {
	Status            types.String
	PortMappings      types.List
	ConnectionDetails types.Object
	CreatedAt         types.String
	ReadyAt           types.String
}

func report(i *api.Instance) reported {
	ports := make([]attr.Value, 0, len(i.PortMappings))
	for _, p := range i.PortMappings {
		ports = append(ports, types.ObjectValueMust(portMappingType.AttrTypes, map[string]attr.Value{
			"port": types.Int64Value(p.Port), "endpoint": types.StringValue(p.Endpoint), "type": types.StringValue(p.Type),
		}))
	}
	cd := i.ConnectionDetails
	return reported{
		Status:       types.StringValue(i.Status),
		PortMappings: types.ListValueMust(portMappingType, ports),
		ConnectionDetails: types.ObjectValueMust(connectionType.AttrTypes, map[string]attr.Value{
			"ssh": nullIfEmpty(cd.SSH), "jupyter": nullIfEmpty(cd.Jupyter), "web_terminal": nullIfEmpty(cd.WebTerminal),
		}),
		CreatedAt: nullIfEmpty(i.CreatedAt), ReadyAt: nullIfEmpty(i.ReadyAt),
	}
}
