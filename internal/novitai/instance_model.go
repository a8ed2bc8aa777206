package novitai

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
)

type instanceData struct {
	ID                types.String `tfsdk:"id"`
	Name              types.String `tfsdk:"name"`
	Status            types.String `tfsdk:"status"`
	GPUNum            types.Int64  `tfsdk:"gpu_num"`
	Region            types.String `tfsdk:"region"`
	PortMappings      types.List   `tfsdk:"port_mappings"`
	ConnectionDetails types.Object `tfsdk:"connection_details"`
	CreatedAt         types.String `tfsdk:"created_at"`
	ReadyAt           types.String `tfsdk:"ready_at"`
}

func instanceDataFromAPI(i *api.Instance) instanceData {
	rep := report(i)
	return instanceData{
		ID: types.StringValue(i.ID), Name: types.StringValue(i.Name), Status: rep.Status, GPUNum: types.Int64Value(i.GPUNum),
		Region: types.StringValue(i.Region), PortMappings: rep.PortMappings, ConnectionDetails: rep.ConnectionDetails,
		CreatedAt: rep.CreatedAt, ReadyAt: rep.ReadyAt,
	}
}

var (
	portMappingType = types.ObjectType{AttrTypes: map[string]attr.Type{"port": types.Int64Type, "endpoint": types.StringType, "type": types.StringType}}
	connectionType  = types.ObjectType{AttrTypes: map[string]attr.Type{"ssh": types.StringType, "jupyter": types.StringType, "web_terminal": types.StringType}}
)

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

type instanceModel struct {
	ID                 types.String   `tfsdk:"id"`
	Name               types.String   `tfsdk:"name"`
	ProductName        types.String   `tfsdk:"product_name"`
	TemplateID         types.String   `tfsdk:"template_id"`
	GPUNum             types.Int64    `tfsdk:"gpu_num"`
	RootfsSize         types.Int64    `tfsdk:"rootfs_size"`
	Region             types.String   `tfsdk:"region"`
	WebhookURL         types.String   `tfsdk:"webhook_url"`
	BillingMode        types.String   `tfsdk:"billing_mode"`
	PowerState         types.String   `tfsdk:"power_state"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
	Status             types.String   `tfsdk:"status"`
	PortMappings       types.List     `tfsdk:"port_mappings"`
	ConnectionDetails  types.Object   `tfsdk:"connection_details"`
	CreatedAt          types.String   `tfsdk:"created_at"`
	ReadyAt            types.String   `tfsdk:"ready_at"`
	EstimatedReadyTime types.String   `tfsdk:"estimated_ready_time"`
	NovitaInstanceID   types.String   `tfsdk:"novita_instance_id"`
	ProductID          types.String   `tfsdk:"product_id"`
	SpotPrice          types.Float64  `tfsdk:"spot_price"`
}

// setCreated keeps what only the create answer tells; an adopted instance,
// whose answer was lost, has none of it.
func (m *instanceModel) setCreated(c api.Created) {
	m.EstimatedReadyTime, m.NovitaInstanceID, m.ProductID = nullIfEmpty(c.EstimatedReadyTime), nullIfEmpty(c.NovitaInstanceID), nullIfEmpty(c.ProductID)
	m.SpotPrice = types.Float64Null()
	if c.SpotPrice != 0 {
		m.SpotPrice = types.Float64Value(float64(c.SpotPrice))
	}
}

func (m *instanceModel) setReported(rep reported) {
	m.Status, m.PortMappings, m.ConnectionDetails, m.CreatedAt, m.ReadyAt = rep.Status, rep.PortMappings, rep.ConnectionDetails, rep.CreatedAt, rep.ReadyAt
}

func instanceFromAPI(i *api.Instance, prior instanceModel) instanceModel {
	m := prior
	m.ID, m.Name, m.Region = types.StringValue(i.ID), types.StringValue(i.Name), types.StringValue(i.Region)
	if i.GPUNum > 0 {
		m.GPUNum = types.Int64Value(i.GPUNum)
	}
	switch i.Status {
	case api.StatusRunning:
		m.PowerState = types.StringValue(powerRunning)
	case api.StatusStopped:
		m.PowerState = types.StringValue(powerStopped)
	default:
		if m.PowerState.IsNull() || m.PowerState.IsUnknown() {
			m.PowerState = types.StringValue(powerRunning)
		}
	}
	if m.EstimatedReadyTime.IsUnknown() {
		m.EstimatedReadyTime = types.StringNull()
	}
	m.setReported(report(i))
	return m
}
