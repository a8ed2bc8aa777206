package novitai_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simnovitai "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/novitai"
)

func TestAccInstance_lifecycle(t *testing.T) {
	s := acctest.StartSim(t)
	full := `  gpu_num = 2
  rootfs_size = 80
  region = "US-WEST-01"
  webhook_url = "https://hooks.example.com/novitai"
  billing_mode = "spot"`
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: s.Config(hcl("trainer_1", "tmpl-pytorch-2", full)),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(inst, "status", knownvalue.StringExact("running")),
					acctest.Value(inst, "gpu_num", knownvalue.Int64Exact(2)),
					acctest.Value(inst, "region", knownvalue.StringExact("US-WEST-01")),
					acctest.Value(inst, "connection_details", knownvalue.ObjectPartial(map[string]knownvalue.Check{"ssh": knownvalue.StringRegexp(regexp.MustCompile(`^ssh://gpu-.+:2222$`))})),
					acctest.Value(inst, "port_mappings", knownvalue.ListSizeExact(2)),
					acctest.Value(inst, "estimated_ready_time", knownvalue.NotNull()),
					acctest.Value(inst, "ready_at", knownvalue.NotNull()),
					acctest.Value(inst, "product_id", knownvalue.StringExact("prod-gpu-basic")),
					acctest.Value(inst, "spot_price", knownvalue.Float64Exact(0.9)),
				},
				Check: acctest.CaptureAttr(inst, "id", &id),
			},
			{
				Config: s.Config(hcl("trainer_1", "tmpl-pytorch-2", full+"\n  power_state = \"stopped\"")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(inst, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(inst, "status", knownvalue.StringExact("stopped")), acctest.Value(inst, "port_mappings", knownvalue.ListSizeExact(0))},
			},
			{
				Config:            s.Config(hcl("trainer_1", "tmpl-pytorch-2", full)),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(inst, "status", knownvalue.StringExact("running"))},
			},
			{
				ResourceName: inst, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"product_name", "template_id", "rootfs_size", "webhook_url", "billing_mode", "timeouts", "estimated_ready_time", "novita_instance_id", "product_id", "spot_price"},
			},
			{
				Config: s.Config(hcl("trainer_1", "tmpl-pytorch-2", full)), ResourceName: inst, ImportState: true,
				ImportStateKind: resource.ImportBlockWithID, ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(inst, plancheck.ResourceActionUpdate),
				}},
			},
			{
				PreConfig: func() { s.Novitai.SetStatus(id, "terminated") },
				Config:    s.Config(hcl("trainer_1", "tmpl-pytorch-2", full)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(inst, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

// Every validation rule of the document fails the plan, naming the attribute.
func TestAccInstance_everyValidationRuleIsAPlanTimeError(t *testing.T) {
	s := acctest.StartSim(t)
	cases := []struct{ name, template, extra, want string }{
		{"", "tmpl-ubuntu-2204", "", `(?s)name.*length must be between 1 and 100`},
		{strings.Repeat("a", 101), "tmpl-ubuntu-2204", "", `(?s)name.*length must be between 1 and 100`},
		{"has space", "tmpl-ubuntu-2204", "", `(?s)name.*only letters, digits, hyphens and underscores`},
		{"ok", "", "", `(?s)template_id.*length must be at least 1`},
		{"ok", "tmpl-ubuntu-2204", `  product_name_override = 1`, `Unsupported argument`},
		{"ok", "tmpl-ubuntu-2204", `  gpu_num = 0`, `(?s)gpu_num.*between 1 and 8`},
		{"ok", "tmpl-ubuntu-2204", `  gpu_num = 9`, `(?s)gpu_num.*between 1 and 8`},
		{"ok", "tmpl-ubuntu-2204", `  rootfs_size = 19`, `(?s)rootfs_size.*between 20 and 1000`},
		{"ok", "tmpl-ubuntu-2204", `  rootfs_size = 1001`, `(?s)rootfs_size.*between 20 and 1000`},
		{"ok", "tmpl-ubuntu-2204", `  region = "MARS-01"`, `(?s)region.*value must be one of`},
		{"ok", "tmpl-ubuntu-2204", `  webhook_url = "ftp://example.com/hook"`, `(?s)webhook_url.*http:// or https:// URL`},
		{"ok", "tmpl-ubuntu-2204", `  billing_mode = "reserved"`, `(?s)billing_mode.*value must be one of`},
	}
	for _, tc := range cases {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps:                    []resource.TestStep{{Config: s.Config(hcl(tc.name, tc.template, tc.extra)), PlanOnly: true, ExpectError: regexp.MustCompile(tc.want)}},
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:      s.Config(`resource "gpucloud_novitai_instance" "gpu" { name = "ok" }`),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Missing product_name.*product_name is needed to create a new instance.*Missing template_id`),
		}},
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{Config: s.Config(`
resource "gpucloud_novitai_instance" "gpu" {
  name         = "ok"
  product_name = ""
  template_id  = "tmpl-ubuntu-2204"
}`), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)product_name.*length must be at least 1`)}},
	})
	if n := s.Requests("POST /novitai/api/instances", ""); n != 0 {
		t.Fatalf("bad input must fail before any create; %d were sent", n)
	}
}

// What only the service can know lands on the attribute, with its request ID,
// and nothing is created.
func TestAccInstance_serviceFieldErrorsNameTheAttribute(t *testing.T) {
	for _, tc := range []struct{ name, product, template, want string }{
		{"template", "gpu-basic", "tmpl-nonexistent", `(?s)template_id.*novitai\s+refused\s+template_id:\s+No\s+template\s+tmpl-nonexistent\s+\(request\s+id\s+req_\d+_`},
		{"product", "gpu-nope", "tmpl-ubuntu-2204", `(?s)product_name.*novitai\s+refused\s+product_name:\s+No\s+product\s+gpu-nope\s+\(request\s+id\s+req_\d+_`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := acctest.StartSim(t)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				CheckDestroy:             s.CheckNothingLeft,
				Steps: []resource.TestStep{{
					Config: s.Config(fmt.Sprintf(`
resource "gpucloud_novitai_instance" "gpu" {
  name         = "ok"
  product_name = %q
  template_id  = %q
}`, tc.product, tc.template)),
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
			if n := s.CountObjects("novitai", "instance"); n != 0 {
				t.Fatalf("a refused create must leave nothing; %d instances exist", n)
			}
		})
	}
}

// A failed instance is kept, tainted, and deleted by the replacement.
func TestAccInstance_failedIsTaintedAndReplaced(t *testing.T) {
	s := acctest.StartSim(t)
	s.Novitai.UpdateSwitches(func(sw *simnovitai.Switches) { sw.CreateOutcome = "failed" })
	cfg := s.Config(hcl("doomed", "tmpl-ubuntu-2204", ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: cfg, ExpectError: regexp.MustCompile(`(?s)ended\s+in\s+state\s+"failed".*tainted`)},
			{
				PreConfig: func() { s.Novitai.UpdateSwitches(func(sw *simnovitai.Switches) { sw.CreateOutcome = "" }) },
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(inst, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: s.CheckObjectCount("novitai", "instance", 1, "the failed instance must be deleted by the replacement"),
			},
		},
	})
}

// An open circuit breaker fails the create with the service's message, and
// the create, which may not be repeated, is sent once.
func TestAccInstance_circuitBreakerOpenIsNotRetried(t *testing.T) {
	s := acctest.StartSim(t)
	s.Novitai.UpdateSwitches(func(sw *simnovitai.Switches) { sw.CircuitBreakerOpen = true })
	// The lists a plan and a create make only to be safe fail too, within this bound.
	s.ProviderSettings = `max_retry_time = "1s"`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{{
			Config:      s.Config(hcl("blocked", "tmpl-ubuntu-2204", "")),
			ExpectError: regexp.MustCompile(`(?s)HTTP 503 CIRCUIT_BREAKER_OPEN: Circuit\s+breaker\s+is\s+open`),
		}},
	})
	if n := s.Requests("POST /novitai/api/instances", ""); n != 1 {
		t.Fatalf("a POST answered 503 must not be repeated; %d were sent", n)
	}
}
