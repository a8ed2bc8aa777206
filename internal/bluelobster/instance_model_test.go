package bluelobster

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

func TestInstanceFromAPI(t *testing.T) {
	prior := instanceModel{
		Region: types.StringValue("igl"), InstanceType: types.StringValue("gpu_1x_a4000"), Username: types.StringValue("ubuntu"),
		TemplateName: types.StringValue("UBUNTU-22-04-NV"), SSHPublicKey: types.StringValue("ssh-ed25519 AAAA\n"),
		Metadata:   types.MapValueMust(types.StringType, nil),
		PowerState: types.StringValue(powerStopped),
		Passwords:  sharedschema.Passwords{Password: types.StringNull(), WO: types.StringValue("secret"), WOVersion: types.Int64Value(1)},
	}
	// Blue Lobster leaves out what it was not asked for and renames the template.
	reported := &api.Instance{UUID: "vm-1", Name: "box", TemplateName: "UBUNTU-22-04-NV-DK", PowerStatus: "", PriceCentsPerHour: 45, GPUCount: 1}
	got := instanceFromAPI(reported, prior)
	if got.Region.ValueString() != "igl" || got.InstanceType.ValueString() != "gpu_1x_a4000" || got.Username.ValueString() != "ubuntu" {
		t.Errorf("values the answer omits keep the prior ones: %s %s %s", got.Region, got.InstanceType, got.Username)
	}
	if got.TemplateName.ValueString() != "UBUNTU-22-04-NV" || got.TemplateReported.ValueString() != "UBUNTU-22-04-NV-DK" {
		t.Errorf("the configured template stays; the reported one is shown apart: %s %s", got.TemplateName, got.TemplateReported)
	}
	if got.SSHPublicKey.ValueString() != "ssh-ed25519 AAAA\n" {
		t.Errorf("the key keeps its configured spelling: %q", got.SSHPublicKey.ValueString())
	}
	if got.PowerState.ValueString() != powerStopped {
		t.Errorf("a null power status keeps the prior power_state: %s", got.PowerState)
	}
	if !got.WO.IsNull() || got.WOVersion.ValueInt64() != 1 {
		t.Errorf("the write-only password is never kept in state: %+v", got.Passwords)
	}
	if got.PricePerHour.ValueFloat64() != 0.45 {
		t.Errorf("price %s, want cents as dollars", got.PricePerHour)
	}
	// Real drift shows: a rename and a power-off made in the console.
	reported.Name, reported.PowerStatus, reported.Region = "renamed", api.PowerStopped, "phl"
	prior.PowerState = types.StringValue(powerRunning)
	got = instanceFromAPI(reported, prior)
	if got.Name.ValueString() != "renamed" || got.PowerState.ValueString() != powerStopped || got.Region.ValueString() != "phl" {
		t.Errorf("drift must show: %s %s %s", got.Name, got.PowerState, got.Region)
	}
}

func TestInstanceParity(t *testing.T) {
	modeltest.ResourceParity(t, NewInstanceResource(), &instanceModel{})
}
