package tensordock

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

func TestCreatedBy(t *testing.T) {
	a := api.CreateAttributes{Name: "web", Resources: api.Resources{VCPUCount: 4, RAMGB: 16, StorageGB: 100,
		GPUs: map[string]api.GPUAllocation{"h100-sxm5-80gb": {Count: 1}}}}
	match := createdBy(a)
	ours := api.Instance{ID: "i1", Name: "web", Resources: api.Resources{VCPUCount: 4, RAMGB: 16, StorageGB: 100,
		GPUs: map[string]api.GPUAllocation{"h100-sxm5-80gb": {Count: 1}}}}
	if !match(ours) || !match(api.Instance{ID: "i2", Name: "web"}) {
		t.Fatal("a matching instance, or one whose resources the list leaves out, must match")
	}
	bigger := ours
	bigger.Resources.RAMGB = 32
	otherGPU := ours
	otherGPU.Resources.GPUs = map[string]api.GPUAllocation{"rtx4090-pcie-24gb": {Count: 1}}
	for _, i := range []api.Instance{bigger, otherGPU, {Name: "web2"}} {
		if match(i) {
			t.Errorf("%+v must not match", i)
		}
	}
	if c := instanceCandidate(api.Instance{ID: "i1", Name: "web", Status: "running", RateHourly: 0.5}); c.Price != "0.5 USD" || c.Name != "web" {
		t.Fatalf("candidate %+v", c)
	}
}
