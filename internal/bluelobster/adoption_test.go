package bluelobster

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
)

func TestLaunchedBy(t *testing.T) {
	match := launchedBy(api.LaunchRequest{Name: "web", Region: "igl", InstanceType: "gpu_1x_a4000", TemplateName: "UBUNTU-22-04"})
	if !match(api.Instance{Name: "web", Region: "igl", InstanceType: "gpu_1x_a4000", TemplateName: "UBUNTU-22-04-NV"}) {
		t.Fatal("a renamed template still matches: Blue Lobster may report another name")
	}
	if match(api.Instance{Name: "web", Region: "phl"}) || match(api.Instance{Name: "web", InstanceType: "cpu_8x"}) || match(api.Instance{Name: "other"}) {
		t.Fatal("another region, type or name must not match")
	}
	c := instanceCandidate(api.Instance{UUID: "vm-1", Name: "web", PowerStatus: "running", CreatedAt: "2026-12-01T10:00:00Z", PriceCentsPerHour: 45})
	if c.ID != "vm-1" || c.Price != "0.45 USD" || c.CreatedAt.IsZero() {
		t.Fatalf("candidate %+v", c)
	}
	if addedIP(api.IP{IPAddress: "192.0.2.1", IsPrimary: true}) || !addedIP(api.IP{IPAddress: "192.0.2.2"}) {
		t.Fatal("only extra addresses can come from an add")
	}
}
