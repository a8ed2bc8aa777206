package nova

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

func TestInstanceFromAPI(t *testing.T) {
	prior := instanceModel{
		Image: types.StringValue("ubuntu-24.04"), SSHKeyID: types.StringValue("key-1"), TemplateVMID: types.Int64Value(100),
		RentalType: types.StringValue("on_demand"), AuthMethod: types.StringUnknown(), PowerState: types.StringValue(powerStopped),
		Passwords: sharedschema.Passwords{Password: types.StringNull(), WO: types.StringValue("secret"), WOVersion: types.Int64Value(1)},
	}
	// The answer leaves out the template, the rental type and what was never returned.
	vm := &api.VM{ID: "vm-1", VMID: 101, Node: "vm01", GPUType: "5090", GPUCount: 2, StorageGB: 100, Status: "provisioning", HourlyRate: 1.38}
	got := instanceFromAPI(vm, prior)
	if got.Image.ValueString() != "ubuntu-24.04" || got.SSHKeyID.ValueString() != "key-1" || got.TemplateVMID.ValueInt64() != 100 ||
		got.RentalType.ValueString() != "on_demand" {
		t.Errorf("values Nova does not report keep the prior ones: %+v", got)
	}
	if !got.AuthMethod.IsNull() || !got.WO.IsNull() || got.WOVersion.ValueInt64() != 1 {
		t.Errorf("auth_method unknown becomes null; the write-only password is never in state: %s %+v", got.AuthMethod, got.Passwords)
	}
	if got.PowerState.ValueString() != powerStopped || !got.IPAddress.IsNull() || !got.StartedAt.IsNull() {
		t.Errorf("a transition keeps the prior power_state; empty values are null: %s %s %s", got.PowerState, got.IPAddress, got.StartedAt)
	}
	if got.HourlyRate.ValueFloat64() != 1.38 || got.VMID.ValueInt64() != 101 || got.Status.ValueString() != "provisioning" {
		t.Errorf("%+v", got)
	}
	// Real drift: stopped elsewhere, moved to another template.
	vm.Status, vm.TemplateVMID, vm.IPAddress = api.StatusStopped, 102, "203.0.113.5"
	prior.PowerState = types.StringValue(powerRunning)
	got = instanceFromAPI(vm, prior)
	if got.PowerState.ValueString() != powerStopped || got.TemplateVMID.ValueInt64() != 102 || got.IPAddress.ValueString() != "203.0.113.5" {
		t.Errorf("drift must show: %s %s %s", got.PowerState, got.TemplateVMID, got.IPAddress)
	}
}

func TestInstanceParity(t *testing.T) {
	modeltest.ResourceParity(t, NewInstanceResource(), &instanceModel{})
}
