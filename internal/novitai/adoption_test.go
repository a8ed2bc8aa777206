package novitai

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
)

func TestCreatedBy(t *testing.T) {
	match := createdBy(api.CreateRequest{Name: "web", GPUNum: 2, Region: "US-WEST-01"})
	if !match(api.Instance{Name: "web", GPUNum: 2, Region: "US-WEST-01"}) || !match(api.Instance{Name: "web"}) {
		t.Fatal("a matching instance, or one whose fields are left out, must match")
	}
	if match(api.Instance{Name: "web", GPUNum: 1}) || match(api.Instance{Name: "web", Region: "EU-WEST-01"}) || match(api.Instance{Name: "web2"}) {
		t.Fatal("another GPU count, region or name must not match")
	}
	if c := instanceCandidate(api.Instance{ID: "inst_1", Name: "web", Status: "running", CreatedAt: "2026-12-01T10:00:00.000Z"}); c.CreatedAt.IsZero() {
		t.Fatalf("candidate %+v", c)
	}
}
