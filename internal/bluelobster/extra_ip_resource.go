package bluelobster

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/pending"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
)

// NewExtraIPResource is gpucloud_bluelobster_extra_ip.
func NewExtraIPResource() resource.Resource {
	return &extraIPResource{Kind: crud.Kind{Name: "bluelobster_extra_ip", ImportParts: []string{"instance_id", "ip_address"}}}
}

type extraIPResource struct {
	clientHolder
	crud.Kind
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

// ipAdds serialises this process's adds per instance: Blue Lobster picks
// the address, so when an answer is lost only an address that appeared
// while no other add of ours ran can be this add's.
var ipAdds adopt.Keyed

// Create keeps the address the answer names; several on one instance each
// get and keep their own.
func (r *extraIPResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[extraIPModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	id := plan.InstanceID.ValueString()
	what := apierr.Describe("Blue Lobster", "extra IP of instance", id)
	defer ipAdds.Lock(id)()
	addresses := func(ctx context.Context, _ bool) ([]api.IP, error) { return r.Client.ListIPs(ctx, id) }
	addr, err := adopt.Create(ctx, adopt.Kind{Claims: r.Clients.Claims, Resource: "gpucloud_bluelobster_extra_ip", What: what,
		Matching: adopt.Matching(addresses, addedIP, extraIPCandidate)},
		func(ctx context.Context) (string, error) {
			ip, err := r.Client.AddIP(ctx, id)
			if err != nil {
				return "", err
			}
			return ip.IPAddress, nil
		})
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("adding "+what, err))
		return
	}
	// Saved before reading it back, so that a failed read does not lose a billed address.
	state := pending.State(plan)
	state.ID, state.IPAddress = types.StringValue(extraIPID(id, addr)), types.StringValue(addr)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	ip, err := r.findIP(ctx, id, addr)
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading the new "+what, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, extraIPFromAPI(id, ip))...)
}

func (r *extraIPResource) findIP(ctx context.Context, instanceID, addr string) (*api.IP, error) {
	ips, err := r.Client.ListIPs(ctx, instanceID)
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
	crud.Read(ctx, req, resp, crud.Reader[extraIPModel, api.IP]{
		What: func(m extraIPModel) string {
			return "the IP addresses of " + apierr.Describe("Blue Lobster", "instance", m.InstanceID.ValueString())
		},
		Read: func(ctx context.Context, m extraIPModel) (*api.IP, error) {
			ips, err := r.Client.ListIPs(ctx, m.InstanceID.ValueString())
			for _, ip := range ips {
				if ip.IPAddress == m.IPAddress.ValueString() && !ip.IsPrimary {
					return &ip, err
				}
			}
			return nil, err
		},
		// An address the instance no longer has was released.
		Gone:    func(ip *api.IP) bool { return ip == nil },
		FromAPI: func(ip *api.IP, m extraIPModel) extraIPModel { return extraIPFromAPI(m.InstanceID.ValueString(), ip) },
	})
}

// Update is never called: the one argument forces replacement.
func (r *extraIPResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.Diagnostics.AddError("Extra IPs cannot be changed", "instance_id forces replacement; this is a bug in the provider.")
}

func (r *extraIPResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[extraIPModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	crud.Delete(ctx, &resp.Diagnostics, "IP address "+state.IPAddress.ValueString(), func(ctx context.Context) error {
		return r.Client.ReleaseIP(ctx, state.InstanceID.ValueString(), state.IPAddress.ValueString())
	}, nil)
}
