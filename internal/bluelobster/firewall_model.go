package bluelobster

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
)

type firewallModel struct {
	ID         types.String   `tfsdk:"id"`
	InstanceID types.String   `tfsdk:"instance_id"`
	Enabled    types.Bool     `tfsdk:"enabled"`
	PolicyIn   types.String   `tfsdk:"policy_in"`
	PolicyOut  types.String   `tfsdk:"policy_out"`
	Rules      []ruleModel    `tfsdk:"rules"`
	Timeouts   timeouts.Value `tfsdk:"timeouts"`
}

type ruleModel struct {
	Type    types.String `tfsdk:"type"`
	Action  types.String `tfsdk:"action"`
	Proto   types.String `tfsdk:"proto"`
	DPort   types.String `tfsdk:"dport"`
	SPort   types.String `tfsdk:"sport"`
	Source  types.String `tfsdk:"source"`
	Dest    types.String `tfsdk:"dest"`
	Comment types.String `tfsdk:"comment"`
	Enabled types.Bool   `tfsdk:"enabled"`
}

func (r ruleModel) api() api.Rule {
	enable := int64(1)
	if !r.Enabled.IsNull() && !r.Enabled.ValueBool() {
		enable = 0
	}
	return api.Rule{
		Type: strings.ToLower(r.Type.ValueString()), Action: strings.ToUpper(r.Action.ValueString()), Proto: strings.ToLower(r.Proto.ValueString()),
		DPort: r.DPort.ValueString(), SPort: r.SPort.ValueString(), Source: r.Source.ValueString(), Dest: r.Dest.ValueString(),
		Comment: r.Comment.ValueString(), Enable: enable,
	}
}

// sameFold keeps the configured spelling when the cloud only changed its case.
func sameFold(prior types.String, reported string) types.String {
	if strings.EqualFold(prior.ValueString(), reported) && !prior.IsNull() {
		return prior
	}
	return types.StringValue(reported)
}

func samerules(a, b []api.Rule) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if ruleKey(a[i]) != ruleKey(b[i]) {
			return false
		}
	}
	return true
}

// firewallFromAPI keeps the configured spelling of values the cloud only
// changed the case of.
func firewallFromAPI(id string, fw *api.Firewall, prior firewallModel) firewallModel {
	m := firewallModel{
		ID: types.StringValue(id), InstanceID: types.StringValue(id), Enabled: types.BoolValue(bool(fw.Enabled)),
		PolicyIn: sameFold(prior.PolicyIn, fw.PolicyIn), PolicyOut: sameFold(prior.PolicyOut, fw.PolicyOut), Timeouts: prior.Timeouts,
	}
	for i, rule := range fw.Rules {
		var p ruleModel
		if i < len(prior.Rules) {
			p = prior.Rules[i]
		}
		proto := rule.Proto
		if proto == "" {
			proto = "tcp"
		}
		m.Rules = append(m.Rules, ruleModel{
			Type: sameFold(p.Type, rule.Type), Action: sameFold(p.Action, rule.Action), Proto: sameFold(p.Proto, proto),
			DPort: nullIfEmpty(rule.DPort), SPort: nullIfEmpty(rule.SPort), Source: nullIfEmpty(rule.Source), Dest: nullIfEmpty(rule.Dest),
			Comment: nullIfEmpty(rule.Comment), Enabled: types.BoolValue(rule.Enable != 0),
		})
	}
	if m.Rules == nil && prior.Rules != nil {
		m.Rules = []ruleModel{}
	}
	return m
}
