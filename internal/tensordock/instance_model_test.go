package tensordock

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

func TestInstanceFromAPI(t *testing.T) {
	reported := &api.Instance{
		ID: "vm-1", Name: "box", Status: "Stopped", IPAddress: "203.0.113.9", RateHourly: 2.0944,
		Resources:    api.Resources{VCPUCount: 8, RAMGB: 32, StorageGB: 200, GPUs: map[string]api.GPUAllocation{"h100-sxm5-80gb": {Count: 1}}},
		PortForwards: []api.PortForward{{InternalPort: 22, ExternalPort: 40022}},
	}
	prior := instanceModel{
		Image: types.StringValue("ubuntu2404"), HostnodeID: types.StringValue("hn-1"), PowerState: types.StringValue(powerRunning),
		SSHPublicKey: types.StringValue("ssh-ed25519 AAAA"),
	}
	got := instanceFromAPI(reported, prior)
	// TensorDock never reports the image, the hostnode or the key: the prior values stay.
	if got.Image.ValueString() != "ubuntu2404" || got.HostnodeID.ValueString() != "hn-1" || got.SSHPublicKey.ValueString() != "ssh-ed25519 AAAA" {
		t.Errorf("unreported arguments: %s %s %s", got.Image, got.HostnodeID, got.SSHPublicKey)
	}
	// "Stopped", in TensorDock's spelling, is a stop made elsewhere: drift.
	if got.PowerState.ValueString() != powerStopped || got.Status.ValueString() != "Stopped" {
		t.Errorf("power_state %s, status %s", got.PowerState, got.Status)
	}
	if got.GPUModel.ValueString() != "h100-sxm5-80gb" || got.GPUCount.ValueInt64() != 1 || got.VCPUCount.ValueInt64() != 8 ||
		got.RateHourly.ValueFloat64() != 2.0944 || len(got.AssignedForwards.Elements()) != 1 {
		t.Errorf("reported values: %+v", got)
	}
	// A transition keeps the prior power state; a CPU-only machine has no GPU values.
	reported.Status, reported.Resources.GPUs, reported.IPAddress = "starting", nil, ""
	got = instanceFromAPI(reported, prior)
	if got.PowerState.ValueString() != powerRunning || !got.GPUModel.IsNull() || !got.GPUCount.IsNull() || !got.IPAddress.IsNull() {
		t.Errorf("transition: %s %s %s %s", got.PowerState, got.GPUModel, got.GPUCount, got.IPAddress)
	}
}

func TestInstanceParity(t *testing.T) {
	modeltest.ResourceParity(t, NewInstanceResource(), &instanceModel{})
}
