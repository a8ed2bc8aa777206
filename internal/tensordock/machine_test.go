package tensordock

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/machine"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

func TestTensorDockMachine(t *testing.T) {
	if tensorDockMachine(nil) != nil {
		t.Fatal("no instance, no machine")
	}
	i := &api.Instance{ID: "td-1", Name: "trainer", Status: "StoppedDisassociated", IPAddress: "198.51.100.2",
		PortForwards: []api.PortForward{{InternalPort: 8888, ExternalPort: 20001}, {InternalPort: 22, ExternalPort: 20002}},
		Resources:    api.Resources{GPUs: map[string]api.GPUAllocation{"h100-sxm5-80gb": {Count: 2}}}, RateHourly: 4.1}
	m := tensorDockMachine(i)
	// TensorDock spells stopped two ways; the SSH port is the one forwarded to 22.
	if m.Power != machine.Stopped || m.SSHPort != 20002 || m.GPUName != "h100-sxm5-80gb" || m.GPUCount != 2 || m.Location != "" || m.Currency != "USD" {
		t.Errorf("%+v", m)
	}
	i.Status = "Running"
	if m := tensorDockMachine(i); m.Power != machine.Running {
		t.Errorf("running in capitals: %q", m.Power)
	}
}

func TestTensorDockNoCapacity(t *testing.T) {
	m := machines{}
	for err, want := range map[error]bool{
		&transport.APIError{Status: 400, Message: "No available nodes found"}:    true,
		&transport.APIError{Status: 400, Message: "name and image are required"}: false,
	} {
		if got := m.NoCapacity(err); got != want {
			t.Errorf("%v: %v, want %v", err, got, want)
		}
	}
}
