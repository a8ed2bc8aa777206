package api_test

import (
	"context"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
	simnovitai "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/novitai"
)

// documented is every request the client sends, as document 003 and the
// supplement give them (billingMode and the power and delete paths are
// [client] facts).
var documented = acctest.Documented{
	"POST /api/instances":            {Fields: []string{"name", "productName", "templateId", "gpuNum", "rootfsSize", "region", "webhookUrl", "billingMode"}},
	"GET /api/instances":             {},
	"GET /api/instances/{id}":        {},
	"POST /api/instances/{id}/start": {},
	"POST /api/instances/{id}/stop":  {},
	"DELETE /api/instances/{id}":     {},
}

// Every call the client makes, with every optional field set, carries only
// what the documents name.
func TestRequestsAreDocumented(t *testing.T) {
	s, rec := acctest.StartRecordingSim(t)
	s.Novitai.UpdateSwitches(func(sw *simnovitai.Switches) { sw.RateLimits = false })
	c, err := api.New(api.Config{Endpoint: s.URL + simnovitai.Prefix, APIKey: simnovitai.DefaultAPIKey})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	must := func(err error) { t.Helper(); acctest.Must(t, err) }
	created, err := c.CreateInstance(ctx, api.CreateRequest{Name: "documented", ProductName: "gpu-basic", TemplateID: "tmpl-ubuntu-2204",
		GPUNum: 2, RootfsSize: 80, Region: "US-WEST-01", WebhookURL: "https://hooks.example.com/x", BillingMode: "onDemand"})
	must(err)
	id := created.InstanceID
	reaches := func(status string) {
		t.Helper()
		acctest.Eventually(t, "the instance is "+status, func() bool { in, err := c.GetInstance(ctx, id); return err == nil && in.Status == status })
	}
	reaches(api.StatusRunning)
	must(c.StopInstance(ctx, id))
	reaches(api.StatusStopped)
	must(c.StartInstance(ctx, id))
	_, err = c.ListInstances(ctx)
	must(err)
	must(c.DeleteInstance(ctx, id))
	rec.CheckDocumented(t, simnovitai.Prefix, documented)
}
