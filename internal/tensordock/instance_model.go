package tensordock

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

const (
	powerRunning = "running"
	powerStopped = "stopped"
)

type instanceModel struct {
	ID           types.String       `tfsdk:"id"`
	Name         types.String       `tfsdk:"name"`
	Image        types.String       `tfsdk:"image"`
	HostnodeID   types.String       `tfsdk:"hostnode_id"`
	LocationID   types.String       `tfsdk:"location_id"`
	VCPUCount    types.Int64        `tfsdk:"vcpu_count"`
	RAMGB        types.Int64        `tfsdk:"ram_gb"`
	StorageGB    types.Int64        `tfsdk:"storage_gb"`
	GPUModel     types.String       `tfsdk:"gpu_model"`
	GPUCount     types.Int64        `tfsdk:"gpu_count"`
	DedicatedIP  types.Bool         `tfsdk:"use_dedicated_ip"`
	PortForwards []portForwardModel `tfsdk:"port_forwards"`
	SSHKeyID     types.String       `tfsdk:"ssh_key_id"`
	SSHPublicKey types.String       `tfsdk:"ssh_public_key"`
	CloudInit    *cloudInitModel    `tfsdk:"cloud_init"`
	PowerState   types.String       `tfsdk:"power_state"`
	Timeouts     timeouts.Value     `tfsdk:"timeouts"`

	Status           types.String  `tfsdk:"status"`
	IPAddress        types.String  `tfsdk:"ip_address"`
	AssignedForwards types.List    `tfsdk:"assigned_port_forwards"`
	RateHourly       types.Float64 `tfsdk:"rate_hourly"`
	sharedschema.Price
}

type portForwardModel struct {
	InternalPort types.Int64 `tfsdk:"internal_port"`
	ExternalPort types.Int64 `tfsdk:"external_port"`
}

type cloudInitModel struct {
	RunCmd         types.List `tfsdk:"runcmd"`
	Packages       types.List `tfsdk:"packages"`
	PackageUpdate  types.Bool `tfsdk:"package_update"`
	PackageUpgrade types.Bool `tfsdk:"package_upgrade"`
}

var forwardType = types.ObjectType{AttrTypes: map[string]attr.Type{"internal_port": types.Int64Type, "external_port": types.Int64Type}}

func (m *instanceModel) resources() api.Resources {
	r := api.Resources{VCPUCount: m.VCPUCount.ValueInt64(), RAMGB: m.RAMGB.ValueInt64(), StorageGB: m.StorageGB.ValueInt64(), GPUs: map[string]api.GPUAllocation{}}
	if model := m.GPUModel.ValueString(); model != "" {
		r.GPUs[model] = api.GPUAllocation{Count: max(m.GPUCount.ValueInt64(), 1)}
	}
	return r
}

func (m *instanceModel) createAttributes(ctx context.Context) (api.CreateAttributes, diag.Diagnostics) {
	var diags diag.Diagnostics
	a := api.CreateAttributes{
		Name: m.Name.ValueString(), Image: m.Image.ValueString(), HostnodeID: m.HostnodeID.ValueString(),
		LocationID: m.LocationID.ValueString(), Resources: m.resources(), SSHKeyID: m.SSHKeyID.ValueString(),
		SSHKey: strings.TrimSpace(m.SSHPublicKey.ValueString()), DedicatedIP: m.DedicatedIP.ValueBool(),
	}
	for _, p := range m.PortForwards {
		a.PortForwards = append(a.PortForwards, api.PortForward{InternalPort: p.InternalPort.ValueInt64(), ExternalPort: p.ExternalPort.ValueInt64()})
	}
	if ci := m.CloudInit; ci != nil {
		a.CloudInit = &api.CloudInit{PackageUpdate: ci.PackageUpdate.ValueBool(), PackageUpgrade: ci.PackageUpgrade.ValueBool()}
		if !ci.RunCmd.IsNull() {
			diags.Append(ci.RunCmd.ElementsAs(ctx, &a.CloudInit.RunCmd, false)...)
		}
		if !ci.Packages.IsNull() {
			diags.Append(ci.Packages.ElementsAs(ctx, &a.CloudInit.Packages, false)...)
		}
	}
	return a, diags
}

// modifyRequest resizes from prior to m. Removing every GPU is sent as the
// old model with a count of 0 [inferred: the document shows only additions].
func (m *instanceModel) modifyRequest(prior instanceModel) api.ModifyRequest {
	req := api.ModifyRequest{CPUCores: m.VCPUCount.ValueInt64(), RAMGB: m.RAMGB.ValueInt64(), DiskGB: m.StorageGB.ValueInt64()}
	switch {
	case m.GPUModel.ValueString() != "":
		req.GPUs = &api.ModifyGPUs{GPUV0Name: m.GPUModel.ValueString(), Count: max(m.GPUCount.ValueInt64(), 1)}
	case prior.GPUModel.ValueString() != "":
		req.GPUs = &api.ModifyGPUs{GPUV0Name: prior.GPUModel.ValueString(), Count: 0}
	}
	return req
}

// instanceFromAPI fills the model from what TensorDock reports; arguments it
// never reports (image, hostnode, keys, cloud-init, the ports asked for) keep
// their prior values.
func instanceFromAPI(i *api.Instance, prior instanceModel) instanceModel {
	m := prior
	m.ID = types.StringValue(i.ID)
	m.Name = types.StringValue(i.Name)
	m.VCPUCount = types.Int64Value(i.Resources.VCPUCount)
	m.RAMGB = types.Int64Value(i.Resources.RAMGB)
	m.StorageGB = types.Int64Value(i.Resources.StorageGB)
	if model, count := i.Resources.GPU(); count > 0 {
		m.GPUModel, m.GPUCount = types.StringValue(model), types.Int64Value(count)
	} else {
		m.GPUModel, m.GPUCount = types.StringNull(), types.Int64Null()
	}
	switch {
	case strings.EqualFold(i.Status, api.StatusRunning):
		m.PowerState = types.StringValue(powerRunning)
	case i.IsStopped():
		m.PowerState = types.StringValue(powerStopped)
	case m.PowerState.IsNull() || m.PowerState.IsUnknown():
		m.PowerState = types.StringValue(powerRunning)
	}
	m.Status = types.StringValue(i.Status)
	m.IPAddress = types.StringNull()
	if i.IPAddress != "" {
		m.IPAddress = types.StringValue(i.IPAddress)
	}
	forwards := make([]attr.Value, 0, len(i.PortForwards))
	for _, p := range i.PortForwards {
		forwards = append(forwards, types.ObjectValueMust(forwardType.AttrTypes, map[string]attr.Value{
			"internal_port": types.Int64Value(p.InternalPort), "external_port": types.Int64Value(p.ExternalPort),
		}))
	}
	m.AssignedForwards = types.ListValueMust(forwardType, forwards)
	m.RateHourly = types.Float64Value(float64(i.RateHourly))
	m.PricePerHour, m.Currency = m.RateHourly, types.StringValue(currency)
	return m
}

// TensorDock prices everything in US dollars.
const currency = "USD"

func locationIDs(locations []api.Location) []string {
	out := make([]string, len(locations))
	for i, l := range locations {
		out[i] = l.ID
	}
	return out
}

// gpuModels are the GPU models any location offers.
func gpuModels(locations []api.Location) []string {
	var out []string
	for _, l := range locations {
		for _, g := range l.GPUs {
			if !slices.Contains(out, g.V0Name) {
				out = append(out, g.V0Name)
			}
		}
	}
	return out
}

type shortage struct{ attr, why string }

// shortOn says what the plan asks of a hostnode that it has not free.
func (m *instanceModel) shortOn(n *api.Hostnode) []shortage {
	free := n.AvailableResources
	var out []shortage
	need := func(attr string, planned types.Int64, have int64, unit string) {
		if !planned.IsUnknown() && planned.ValueInt64() > have {
			out = append(out, shortage{attr, fmt.Sprintf("%s = %d, but hostnode %s has %d %s free.", attr, planned.ValueInt64(), n.ID, have, unit)})
		}
	}
	need("vcpu_count", m.VCPUCount, free.VCPUCount, "vCPUs")
	need("ram_gb", m.RAMGB, free.RAMGB, "GB of RAM")
	need("storage_gb", m.StorageGB, free.StorageGB, "GB of disk")
	if model := m.GPUModel.ValueString(); model != "" && !m.GPUCount.IsUnknown() {
		have := int64(0)
		for _, g := range free.GPUs {
			if strings.EqualFold(g.V0Name, model) {
				have = g.AvailableCount
			}
		}
		if m.GPUCount.ValueInt64() > have {
			out = append(out, shortage{"gpu_model", fmt.Sprintf("%d × %s asked for, but hostnode %s has %d free.", m.GPUCount.ValueInt64(), model, n.ID, have)})
		}
	}
	return out
}

// priceOn is what the planned machine costs per hour on hostnode n: its
// GPUs, vCPUs, RAM and disk at the hostnode's prices.
func (m *instanceModel) priceOn(n *api.Hostnode) (float64, bool) {
	if m.VCPUCount.IsUnknown() || m.RAMGB.IsUnknown() || m.StorageGB.IsUnknown() || m.GPUCount.IsUnknown() {
		return 0, false
	}
	p := n.Pricing
	price := float64(m.VCPUCount.ValueInt64())*float64(p.PerVCPUHr) + float64(m.RAMGB.ValueInt64())*float64(p.PerGBRAMHr) +
		float64(m.StorageGB.ValueInt64())*float64(p.PerGBStorageHr)
	if model := m.GPUModel.ValueString(); model != "" {
		for _, g := range n.AvailableResources.GPUs {
			if strings.EqualFold(g.V0Name, model) {
				price += float64(m.GPUCount.ValueInt64()) * float64(g.PricePerHr)
			}
		}
	}
	return math.Round(price*1e6) / 1e6, true
}
