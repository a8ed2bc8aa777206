package bluelobster

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// NewExtraIPResource is gpucloud_bluelobster_extra_ip.
func NewExtraIPResource() resource.Resource { return &extraIPResource{} }

type extraIPResource struct{ clientHolder }

type extraIPModel struct {
	ID            types.String `tfsdk:"id"`
	InstanceID    types.String `tfsdk:"instance_id"`
	IPAddress     types.String `tfsdk:"ip_address"`
	InterfaceName types.String `tfsdk:"interface_name"`
	MACAddress    types.String `tfsdk:"mac_address"`
}

func (r *extraIPResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_bluelobster_extra_ip"
}

func (r *extraIPResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	computed := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An additional public IP address for a Blue Lobster instance, billed monthly. Blue Lobster picks the " +
			"address; configure it inside the machine as an alias (`ip addr add ADDRESS/32 dev eth0`). Destroying it releases the address.",
		Attributes: map[string]schema.Attribute{
			"id": computed("`instance_id/ip_address`."),
			"instance_id": schema.StringAttribute{
				Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}, MarkdownDescription: "The instance to add the address to.",
			},
			"ip_address":     computed("The address assigned."),
			"interface_name": computed("The network interface it is whitelisted on, such as `net1`."),
			"mac_address":    computed("The interface's MAC address."),
		},
	}
	planmod.NoteReplacements(ctx, &resp.Schema, "address")
}

func (r *extraIPResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configure(req.ProviderData, &resp.Diagnostics)
}

func extraIPFromAPI(instanceID string, ip *api.IP) extraIPModel {
	return extraIPModel{
		ID: types.StringValue(instanceID + "/" + ip.IPAddress), InstanceID: types.StringValue(instanceID),
		IPAddress: types.StringValue(ip.IPAddress), InterfaceName: types.StringValue(ip.InterfaceName), MACAddress: types.StringValue(ip.MACAddress),
	}
}

// ipAdds serialises this process's adds per instance: Blue Lobster picks
// the address, so when an answer is lost only an address that appeared
// while no other add of ours ran can be this add's.
var ipAdds adopt.Keyed

// Create keeps the address the answer names; several on one instance each
// get and keep their own.
func (r *extraIPResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan extraIPModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := plan.InstanceID.ValueString()
	what := apierr.Describe("Blue Lobster", "extra IP of instance", id)
	defer ipAdds.Lock(id)()
	addresses := func(ctx context.Context, _ bool) ([]api.IP, error) { return r.client.ListIPs(ctx, id) }
	addr, err := adopt.Create(ctx, adopt.Kind{Claims: r.clients.Claims, Resource: "gpucloud_bluelobster_extra_ip", What: what,
		Matching: adopt.Matching(addresses, addedIP, extraIPCandidate)},
		func(ctx context.Context) (string, error) {
			ip, err := r.client.AddIP(ctx, id)
			if err != nil {
				return "", err
			}
			return ip.IPAddress, nil
		})
	var ip *api.IP
	if err == nil {
		ip, err = r.findIP(ctx, id, addr)
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("adding "+what, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, extraIPFromAPI(id, ip))...)
}

func (r *extraIPResource) findIP(ctx context.Context, instanceID, addr string) (*api.IP, error) {
	ips, err := r.client.ListIPs(ctx, instanceID)
	if err != nil {
		return nil, err
	}
	for _, ip := range ips {
		if ip.IPAddress == addr {
			return &ip, nil
		}
	}
	return nil, fmt.Errorf("Blue Lobster assigned %s to instance %s, but does not list it", addr, instanceID)
}

func (r *extraIPResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state extraIPModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id, addr := state.InstanceID.ValueString(), state.IPAddress.ValueString()
	ips, err := r.client.ListIPs(ctx, id)
	if transport.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading the IP addresses of "+apierr.Describe("Blue Lobster", "instance", id), err))
		return
	}
	for _, ip := range ips {
		if ip.IPAddress == addr && !ip.IsPrimary {
			resp.Diagnostics.Append(resp.State.Set(ctx, extraIPFromAPI(id, &ip))...)
			return
		}
	}
	resp.State.RemoveResource(ctx)
}

// Update is never called: the one argument forces replacement.
func (r *extraIPResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.Diagnostics.AddError("Extra IPs cannot be changed", "instance_id forces replacement; this is a bug in the provider.")
}

func (r *extraIPResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state extraIPModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	err := r.client.ReleaseIP(ctx, state.InstanceID.ValueString(), state.IPAddress.ValueString())
	if err != nil && !transport.IsNotFound(err) {
		resp.Diagnostics.Append(apierr.Diagnostic("releasing IP address "+state.IPAddress.ValueString(), err))
	}
}

func (r *extraIPResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	instance, addr, ok := strings.Cut(req.ID, "/")
	if !ok || instance == "" || addr == "" {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("Import an extra IP as instance_id/ip_address, such as vm-abc123/192.0.2.10; got %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("instance_id"), instance)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("ip_address"), addr)...)
}
