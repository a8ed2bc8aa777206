package nova

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/machine"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

func TestNovaMachine(t *testing.T) {
	if novaMachine(nil) != nil {
		t.Fatal("no VM, no machine")
	}
	vm := &api.VM{ID: "vm-1", Node: "vm02", InstanceLabel: "nova-7", GPUType: "4090", GPUCount: 1, IPAddress: "100.64.0.3", Status: api.StatusRunning, HourlyRate: 0.39}
	m := novaMachine(vm)
	// Nova takes no name, and a node is not the location its offers give.
	if m.Power != machine.Running || m.Name != "" || m.Location != "" || m.GPUName != "4090" || m.Gone {
		t.Errorf("%+v", m)
	}
	vm.Status = api.StatusDestroyed
	if m := novaMachine(vm); !m.Gone || m.Power != "" {
		t.Errorf("destroyed: %+v", m)
	}
}

func TestNovaNoCapacity(t *testing.T) {
	m := machines{}
	for err, want := range map[error]bool{
		&transport.APIError{Status: 400, Message: "Not enough 4090 GPUs available on vm02"}:                   true,
		&transport.APIError{Status: 400, Message: "Insufficient balance. Required: $10.00, Available: $5.50"}: false,
		&transport.APIError{Status: 500, Message: "no available GPU"}:                                         false,
	} {
		if got := m.NoCapacity(err); got != want {
			t.Errorf("%v: %v, want %v", err, got, want)
		}
	}
}
