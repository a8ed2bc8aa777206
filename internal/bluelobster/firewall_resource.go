package bluelobster

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/pending"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
)

var _ resource.ResourceWithValidateConfig = (*firewallResource)(nil)

// A firewall's change is a few requests per rule; ten minutes allow for
// hundreds of rules under Blue Lobster's rate limits.
const firewallTimeout = 10 * time.Minute

// NewFirewallResource is gpucloud_bluelobster_firewall.
func NewFirewallResource() resource.Resource {
	return &firewallResource{Kind: crud.Kind{Name: "bluelobster_firewall", ImportParts: []string{"instance_id"}}}
}

type firewallResource struct {
	clientHolder
	crud.Kind
}

func (r *firewallResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	policy := []validator.String{stringvalidator.OneOfCaseInsensitive("ACCEPT", "DROP")}
	anyCase := []planmodifier.String{planmod.CaseInsensitive()}
	optString := func(desc string, v ...validator.String) schema.Attribute {
		return schema.StringAttribute{Optional: true, Validators: v, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The firewall of one Blue Lobster instance, managed as a whole: rules not in `rules` are removed. " +
			"Blue Lobster's document names no way to add a rule at a position, so a change keeps the rules that can stay " +
			"and rewrites the rest: editing one rule rewrites it and the rules after it, adding a rule at the end writes " +
			"only that rule, and removing one deletes only that rule. The order is the configured order whichever end of " +
			"the list Blue Lobster adds rules at. The first add that can tell (one to a list that is not empty) shows which " +
			"end that is; it is kept with the account's request record (see the provider page), so later firewalls, in this " +
			"command or the next, take one add per rule. " +
			"Case differences (`drop` and `DROP`) are not changes. Destroying it disables the firewall and removes every rule.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}, MarkdownDescription: "The instance's ID."},
			"instance_id": schema.StringAttribute{
				Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				MarkdownDescription: "The instance whose firewall this is.",
			},
			"enabled": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true), MarkdownDescription: "Whether the firewall filters traffic. Defaults to `true`."},
			"policy_in": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("DROP"), Validators: policy, PlanModifiers: anyCase,
				MarkdownDescription: "What happens to inbound traffic no rule matches: `ACCEPT` or `DROP` (default). With `DROP`, " +
					"keep a rule that accepts TCP port 22 if you log in over SSH: a plan warns when none does.",
			},
			"policy_out": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("ACCEPT"), Validators: policy, PlanModifiers: anyCase,
				MarkdownDescription: "What happens to outbound traffic no rule matches: `ACCEPT` (default) or `DROP`.",
			},
			"timeouts": sharedschema.Timeouts(ctx, firewallTimeout, firewallTimeout, firewallTimeout),
			"rules": schema.ListNestedAttribute{
				Optional: true, MarkdownDescription: "Rules in evaluation order, first match wins.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"type":   schema.StringAttribute{Required: true, PlanModifiers: anyCase, Validators: []validator.String{stringvalidator.OneOfCaseInsensitive("in", "out")}, MarkdownDescription: "Direction: `in` or `out`."},
					"action": schema.StringAttribute{Required: true, PlanModifiers: anyCase, Validators: []validator.String{stringvalidator.OneOfCaseInsensitive("ACCEPT", "DROP", "REJECT")}, MarkdownDescription: "`ACCEPT`, `DROP` or `REJECT`."},
					"proto": schema.StringAttribute{
						Optional: true, Computed: true, Default: stringdefault.StaticString("tcp"), PlanModifiers: anyCase,
						Validators: []validator.String{stringvalidator.OneOfCaseInsensitive("tcp", "udp", "icmp")}, MarkdownDescription: "`tcp` (default), `udp` or `icmp`.",
					},
					"dport":   optString("Destination port(s): `22`, `80:443` or `80,443`.", validate.PortSpec()),
					"sport":   optString("Source port(s), in the same forms.", validate.PortSpec()),
					"source":  optString("Source address or CIDR network, such as `10.0.0.0/8`.", validate.IPOrCIDR()),
					"dest":    optString("Destination address or CIDR network.", validate.IPOrCIDR()),
					"comment": optString("Description."),
					"enabled": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true), MarkdownDescription: "Whether the rule applies. Defaults to `true`."},
				}},
			},
		},
	}
	planmod.NoteReplacements(ctx, &resp.Schema, "firewall")
}

// ValidateConfig refuses ports on ICMP rules, and warns when the firewall
// would lock SSH out: inbound traffic dropped by default and no rule
// accepting port 22.
func (r *firewallResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	m, ok := crud.Get[firewallModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	for i, rule := range m.Rules {
		if strings.EqualFold(rule.Proto.ValueString(), "icmp") {
			for attr, v := range map[string]types.String{"dport": rule.DPort, "sport": rule.SPort} {
				if !v.IsNull() && !v.IsUnknown() {
					resp.Diagnostics.AddAttributeError(path.Root("rules").AtListIndex(i).AtName(attr), "Ports need a protocol that has them",
						fmt.Sprintf("%s = %q on an icmp rule: ICMP has no ports. Set proto to \"tcp\" or \"udp\", or leave %s out.", attr, v.ValueString(), attr))
				}
			}
		}
	}
	if m.PolicyIn.IsUnknown() || m.Enabled.IsUnknown() || !m.Enabled.IsNull() && !m.Enabled.ValueBool() {
		return
	}
	if !m.PolicyIn.IsNull() && !strings.EqualFold(m.PolicyIn.ValueString(), "DROP") {
		return
	}
	rules := make([]api.Rule, 0, len(m.Rules))
	for _, rule := range m.Rules {
		if rule.Type.IsUnknown() || rule.Action.IsUnknown() || rule.Proto.IsUnknown() || rule.DPort.IsUnknown() || rule.Enabled.IsUnknown() {
			return
		}
		rules = append(rules, rule.api())
	}
	if !acceptsSSH(rules) {
		resp.Diagnostics.AddAttributeWarning(path.Root("rules"), "This firewall blocks SSH",
			"Inbound traffic that no rule matches is dropped (policy_in = \"DROP\", the default), and no enabled rule accepts "+
				"TCP port 22: once applied, SSH to the instance is blocked. Add a rule such as "+
				"{ type = \"in\", action = \"ACCEPT\", proto = \"tcp\", dport = \"22\" } if you log in over SSH.")
	}
}

func (r *firewallResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[firewallModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Create, firewallTimeout, &resp.Diagnostics)
	defer cancel()
	// Saved first: a create that fails part-way leaves the firewall tainted,
	// and the next apply writes it whole again.
	state := pending.State(plan)
	state.ID = plan.InstanceID
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	r.apply(ctx, plan, &resp.State, &resp.Diagnostics)
}

func (r *firewallResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, ok := crud.Get[firewallModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Update, firewallTimeout, &resp.Diagnostics)
	defer cancel()
	r.apply(ctx, plan, &resp.State, &resp.Diagnostics)
}

// apply makes the firewall match the plan: options first, then the rules.
func (r *firewallResource) apply(ctx context.Context, plan firewallModel, state *tfsdk.State, diags *diag.Diagnostics) {
	id := plan.InstanceID.ValueString()
	what := apierr.Describe("Blue Lobster", "firewall of instance", id)
	if err := r.Client.SetFirewall(ctx, id, plan.Enabled.ValueBool(), strings.ToUpper(plan.PolicyIn.ValueString()), strings.ToUpper(plan.PolicyOut.ValueString())); err != nil {
		diags.Append(apierr.Diagnostic("configuring "+what, err))
		return
	}
	desired := make([]api.Rule, len(plan.Rules))
	for i, rule := range plan.Rules {
		desired[i] = rule.api()
	}
	if err := r.syncRules(ctx, id, desired); err != nil {
		diags.Append(apierr.Diagnostic("writing the rules of "+what, err))
		return
	}
	fw, err := r.Client.GetFirewall(ctx, id)
	if err != nil {
		diags.Append(apierr.Diagnostic("reading "+what, err))
		return
	}
	diags.Append(state.Set(ctx, firewallFromAPI(id, fw, plan))...)
}

// syncRules writes the rules, first as if added rules land at the bottom.
// Where the first add that can tell shows they land at the top, the rest is
// planned again for that end.
func (r *firewallResource) syncRules(ctx context.Context, id string, desired []api.Rule) error {
	fw, err := r.Client.GetFirewall(ctx, id)
	if err != nil {
		return err
	}
	// Where an earlier add of this account landed decides the first plan.
	atTop, _ := r.Client.RulesAddedAtTop()
	for range 2 {
		if samerules(fw.Rules, desired) {
			return nil
		}
		landedTop, err := r.write(ctx, id, planRules(fw.Rules, desired, atTop), len(fw.Rules), atTop)
		if err != nil {
			return err
		}
		if fw, err = r.Client.GetFirewall(ctx, id); err != nil {
			return err
		}
		atTop = landedTop
	}
	if !samerules(fw.Rules, desired) {
		return fmt.Errorf("the firewall's rules are not in the configured order after writing them; something else changed them meanwhile")
	}
	return nil
}

// write applies a plan to a list of n rules that assumes added rules land
// at the top or not, and reports where they landed. It stops at the first
// add that lands at the other end, so that the rest can be planned again.
func (r *firewallResource) write(ctx context.Context, id string, p rulePlan, n int, atTop bool) (bool, error) {
	for _, pos := range p.Deletes {
		if err := r.Client.DeleteRule(ctx, id, pos); err != nil && !transport.IsNotFound(err) {
			return atTop, err
		}
	}
	n -= len(p.Deletes)
	for _, rule := range p.Adds {
		landed, err := r.Client.AddRule(ctx, id, rule)
		if err != nil {
			return atTop, err
		}
		// An add to an empty list, or one whose answer names no position, cannot tell.
		if landed >= 0 && n > 0 {
			r.Client.LearnRulesAddedAt(landed == 0)
			if (landed == 0) != atTop {
				return !atTop, nil
			}
		}
		n++
	}
	return atTop, nil
}

func (r *firewallResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[firewallModel, api.Firewall]{
		What: func(m firewallModel) string {
			return apierr.Describe("Blue Lobster", "firewall of instance", m.InstanceID.ValueString())
		},
		Read: func(ctx context.Context, m firewallModel) (*api.Firewall, error) {
			return r.Client.GetFirewall(ctx, m.InstanceID.ValueString())
		},
		FromAPI: func(fw *api.Firewall, m firewallModel) firewallModel {
			return firewallFromAPI(m.InstanceID.ValueString(), fw, m)
		},
	})
}

// Delete leaves the firewall disabled with no rules.
func (r *firewallResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[firewallModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, state.Timeouts.Delete, firewallTimeout, &resp.Diagnostics)
	defer cancel()
	id := state.InstanceID.ValueString()
	what := apierr.Describe("Blue Lobster", "firewall of instance", id)
	err := r.syncRules(ctx, id, nil)
	if err == nil {
		err = r.Client.SetFirewall(ctx, id, false, "DROP", "ACCEPT")
	}
	if err != nil && !transport.IsNotFound(err) {
		resp.Diagnostics.Append(apierr.Diagnostic("removing "+what, err))
	}
}
