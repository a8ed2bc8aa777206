package placement

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/machine"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/offers"
)

func TestGPUInstanceParity(t *testing.T) {
	modeltest.ResourceParity(t, NewGPUInstanceResource(), &gpuInstanceModel{})
}

func TestGPUInstanceFromAPI(t *testing.T) {
	o := offers.Offer{Cloud: "nova", GPUModel: "RTX4090-24GB", GPUCount: 1, Location: "Ashburn, US", Country: "US", PricePerHour: 0.39,
		Currency: "USD", Launch: offers.Launch{NovaNode: "vm02", NovaGPUType: "4090", NovaGPUCount: 1}}
	launched := gpuInstanceModel{Name: types.StringValue("render"), PowerState: types.StringValue("running"), GPUCount: types.Int64Value(1)}.placed(o, "vm-1")
	if launched.ID.ValueString() != "nova/vm-1" || launched.InstanceType.ValueString() != "4090" {
		t.Fatalf("placed: %+v", launched)
	}
	vm := &machine.Machine{ID: "vm-1", InstanceType: "4090", Location: "vm02", GPUName: "4090", GPUCount: 1, Status: "stopped", Power: "stopped",
		IP: "100.64.0.3", SSHUser: "root", SSHPort: 22, PricePerHour: 0.45, Currency: "USD"}
	got := gpuInstanceFromAPI(vm, launched)
	// Where it runs and its price stay as the launch recorded them: a Nova
	// node is not the offer's location, a price that moved is not followed.
	if got.Location.ValueString() != "Ashburn, US" || got.PricePerHour.ValueFloat64() != 0.39 || got.Name.ValueString() != "render" {
		t.Errorf("placement kept: %+v", got)
	}
	// What the machine is now shows.
	if got.PowerState.ValueString() != "stopped" || got.Status.ValueString() != "stopped" || got.SSHCommand.ValueString() != "ssh root@100.64.0.3" {
		t.Errorf("refreshed: %+v", got)
	}
	// A transition reports no power state: the prior one stays.
	vm.Power, vm.Status = "", "starting"
	if got := gpuInstanceFromAPI(vm, launched); got.PowerState.ValueString() != "running" || got.Status.ValueString() != "starting" {
		t.Errorf("in transition: %+v", got)
	}

	// An import has no launch recorded: it takes what the cloud reports.
	imported := gpuInstanceModel{ID: types.StringValue("verda/i-1"), Cloud: types.StringValue("verda"), InstanceID: types.StringValue("i-1"),
		InstanceType: types.StringNull(), Name: types.StringNull(), GPUCount: types.Int64Null()}
	inst := &machine.Machine{ID: "i-1", Name: "trainer", InstanceType: "1H100.80S.22V", Location: "FIN-01", GPUName: "1x H100 SXM5 80GB", GPUCount: 1,
		Status: "running", Power: "running", IP: "203.0.113.9", SSHUser: "root", SSHPort: 22, PricePerHour: 3.17}
	got = gpuInstanceFromAPI(inst, imported)
	if got.InstanceType.ValueString() != "1H100.80S.22V" || got.Location.ValueString() != "FIN-01" || got.GPUModel.ValueString() != "H100-80GB" ||
		got.GPUCount.ValueInt64() != 1 || got.Name.ValueString() != "trainer" || got.PowerState.ValueString() != "running" {
		t.Errorf("imported: %+v", got)
	}
	// A price whose currency the cloud does not say is not guessed.
	if !got.PricePerHour.IsNull() || !got.PriceUnit.IsNull() {
		t.Errorf("imported price: %v %v", got.PricePerHour, got.PriceUnit)
	}
}
