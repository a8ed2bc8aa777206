package verda_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

func jobHCL(image string, deadline int) string {
	return fmt.Sprintf(`
resource "gpucloud_verda_serverless_job" "batch" {
  name = "embed-batch"
  containers = [{
    image        = %q
    exposed_port = 8080
    env          = [{ name = "BATCH", value = "64" }]
  }]
  compute = { name = "H100", size = 1 }
  scaling = { max_replicas = 4, deadline_seconds = %d }
}
`, image, deadline)
}

// A job is created and waited for until ready; its image changes in place,
// its scaling replaces it; it imports by name; a deadline out of range fails
// the plan.
func TestAccServerlessJob_lifecycle(t *testing.T) {
	s := acctest.StartSim(t)
	addr := "gpucloud_verda_serverless_job.batch"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: s.Config(jobHCL("ghcr.io/acme/embed:2.0", 300)), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)deadline_seconds.*between 600 and 604800`)},
			{
				Config: s.Config(jobHCL("ghcr.io/acme/embed:2.0", 3600)),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(addr, "status", knownvalue.StringExact("ready")),
					acctest.Value(addr, "endpoint_base_url", knownvalue.StringExact("https://containers.datacrunch.io/embed-batch")),
				},
			},
			{
				Config:           s.Config(jobHCL("ghcr.io/acme/embed:2.1", 3600)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)}},
			},
			{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts", "status"}},
			{
				Config:           s.Config(jobHCL("ghcr.io/acme/embed:2.1", 7200)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate)}},
			},
			{
				PreConfig: func() {
					if !s.Verda.RemoveJob("embed-batch") {
						t.Fatal("no job to remove")
					}
				},
				Config:           s.Config(jobHCL("ghcr.io/acme/embed:2.1", 7200)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate)}},
			},
		},
	})
}

// A job not ready when its create times out stays tracked, tainted, and the
// next apply replaces it.
func TestAccServerlessJob_timedOutCreateIsTainted(t *testing.T) {
	s := acctest.StartSim(t)
	cfg := regexp.MustCompile(`compute = \{`).ReplaceAllString(jobHCL("ghcr.io/acme/embed:2.0", 3600), "timeouts = { create = \"1s\" }\n  compute = {")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.ProvisionDelay = simcore.Duration(5 * time.Second) })
				},
				Config:      s.Config(cfg),
				ExpectError: regexp.MustCompile(`(?s)timed\s+out`),
			},
			{
				PreConfig:        func() { s.TestSpeeds() },
				Config:           s.Config(jobHCL("ghcr.io/acme/embed:2.0", 3600)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("gpucloud_verda_serverless_job.batch", plancheck.ResourceActionDestroyBeforeCreate)}},
			},
		},
	})
}
