package verda

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/machine"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestVerdaMachine(t *testing.T) {
	if verdaMachine(nil) != nil {
		t.Fatal("no instance, no machine")
	}
	i := &api.Instance{ID: "i-1", Hostname: "trainer", InstanceType: "1H100.80S.22V", Location: "FIN-01", Status: api.StatusOffline,
		GPU: api.Hardware{Description: "1x H100 SXM5 80GB", NumberOfGPUs: 1}, IP: "203.0.113.9", PricePerHour: 3.17,
		OSVolumeID: "os", VolumeIDs: []string{"os", "data"}}
	m := verdaMachine(i)
	if m.Power != machine.Stopped || m.Name != "trainer" || m.Location != "FIN-01" || m.GPUCount != 1 || m.SSHUser != "root" ||
		len(m.DiskIDs) != 2 || m.Currency != "" {
		t.Errorf("%+v", m)
	}
	// A deploy still under way is neither running nor stopped.
	i.Status = "provisioning"
	if m := verdaMachine(i); m.Power != "" {
		t.Errorf("provisioning: %q", m.Power)
	}
	if !(machines{}).Failed(api.StatusDiscontinued) || (machines{}).Failed(api.StatusOffline) {
		t.Error("discontinued is final, offline is not")
	}
}
