package bluelobster

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
)

func TestFirewallFromAPI(t *testing.T) {
	prior := firewallModel{
		PolicyIn: types.StringValue("drop"), PolicyOut: types.StringValue("ACCEPT"),
		Rules: []ruleModel{{Type: types.StringValue("IN"), Action: types.StringValue("accept"), Proto: types.StringNull(), DPort: types.StringValue("22")}},
	}
	fw := &api.Firewall{Enabled: true, PolicyIn: "DROP", PolicyOut: "DROP", Rules: []api.Rule{
		{Type: "in", Action: "ACCEPT", DPort: "22", Enable: 1},
		{Type: "in", Action: "ACCEPT", Proto: "udp", DPort: "53", Enable: 0},
	}}
	got := firewallFromAPI("vm-1", fw, prior)
	if got.PolicyIn.ValueString() != "drop" || got.Rules[0].Type.ValueString() != "IN" || got.Rules[0].Action.ValueString() != "accept" {
		t.Errorf("values the cloud only changed the case of keep the configured spelling: %+v", got)
	}
	if got.PolicyOut.ValueString() != "DROP" {
		t.Errorf("a changed policy is drift: %s", got.PolicyOut)
	}
	if got.Rules[0].Proto.ValueString() != "tcp" {
		t.Errorf("a rule without a protocol is tcp: %s", got.Rules[0].Proto)
	}
	if len(got.Rules) != 2 || got.Rules[1].DPort.ValueString() != "53" || got.Rules[1].Enabled.ValueBool() || !got.Rules[1].Comment.IsNull() {
		t.Errorf("a rule added elsewhere is drift: %+v", got.Rules)
	}
	if got.ID.ValueString() != "vm-1" || got.InstanceID.ValueString() != "vm-1" {
		t.Errorf("the firewall's id is its instance's: %s %s", got.ID, got.InstanceID)
	}
	empty := firewallFromAPI("vm-1", &api.Firewall{}, firewallModel{Rules: []ruleModel{}})
	if empty.Rules == nil {
		t.Error("no rules where the configuration has an empty list stays an empty list")
	}
}

func TestFirewallParity(t *testing.T) {
	modeltest.ResourceParity(t, NewFirewallResource(), &firewallModel{})
}
