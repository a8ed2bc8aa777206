package bluelobster

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
)

func TestExtraIPFromAPI(t *testing.T) {
	got := extraIPFromAPI("vm-1", &api.IP{IPAddress: "192.0.2.10", InterfaceName: "net1", MACAddress: "02:00:00:00:00:01"})
	if got.ID.ValueString() != "vm-1/192.0.2.10" || got.InstanceID.ValueString() != "vm-1" || got.IPAddress.ValueString() != "192.0.2.10" ||
		got.InterfaceName.ValueString() != "net1" || got.MACAddress.ValueString() != "02:00:00:00:00:01" {
		t.Errorf("%+v", got)
	}
}

func TestExtraIPParity(t *testing.T) {
	modeltest.ResourceParity(t, NewExtraIPResource(), &extraIPModel{})
}
