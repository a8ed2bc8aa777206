package bluelobster

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/machine"
)

func TestBlueLobsterMachine(t *testing.T) {
	if blueLobsterMachine(nil) != nil {
		t.Fatal("no instance, no machine")
	}
	i := &api.Instance{UUID: "u-1", Name: "trainer", Region: "phl", InstanceType: "gpu_1x_h100", GPUModel: "H100", GPUCount: 1,
		IPAddress: "192.0.2.7", PriceCentsPerHour: 249}
	// Blue Lobster sometimes reports no power status for a running machine.
	m := blueLobsterMachine(i)
	if m.Power != machine.Running || m.SSHUser != launchUsername || m.PricePerHour != 2.49 || m.Location != "phl" {
		t.Errorf("%+v", m)
	}
	i.PowerStatus, i.VMUsername = "provisioning", "admin"
	if m := blueLobsterMachine(i); m.Power != "" || m.SSHUser != "admin" {
		t.Errorf("provisioning, another user: %+v", m)
	}
}
