package verda_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

const scriptAddr = "gpucloud_verda_startup_script.test"

func scriptConfig(s *acctest.Sim, name, content string) string {
	return s.Config(fmt.Sprintf(`
resource "gpucloud_verda_startup_script" "test" {
  name   = %q
  script = %q
}
`, name, content))
}

func TestAccStartupScript_lifecycle(t *testing.T) {
	s := acctest.StartSim(t)
	const v1, v2 = "#!/bin/bash\necho one\n", "#!/bin/bash\necho two\n"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: scriptConfig(s, "setup", v1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scriptAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(scriptAddr, tfjsonpath.New("name"), knownvalue.StringExact("setup")),
					statecheck.ExpectKnownValue(scriptAddr, tfjsonpath.New("script"), knownvalue.StringExact(v1)),
					statecheck.ExpectKnownValue(scriptAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f-]{36}$`))),
				},
			},
			{
				Config: scriptConfig(s, "setup", v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scriptAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(scriptAddr, tfjsonpath.New("script"), knownvalue.StringExact(v2)),
				},
				Check: s.CheckObjectCount("verda", "startup_script", 1, "the replacement must delete the old script"),
			},
			{ResourceName: scriptAddr, ImportState: true, ImportStateVerify: true},
			{
				ResourceName: scriptAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scriptAddr, plancheck.ResourceActionNoop),
				}},
			},
		},
	})
}

func TestAccStartupScript_drift(t *testing.T) {
	s := acctest.StartSim(t)
	var id string
	const content = "#!/bin/sh\ntrue\n"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: scriptConfig(s, "drift", content), Check: acctest.CaptureAttr(scriptAddr, "id", &id)},
			{
				// Changed in the console: the next plan replaces it with what the configuration says.
				PreConfig: func() {
					if !s.Verda.ReplaceScript(id, "#!/bin/sh\nfalse\n") {
						t.Fatal("script not in the simulator")
					}
				},
				Config: scriptConfig(s, "drift", content),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scriptAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
			},
			{
				PreConfig: func() {
					if !s.Verda.DeleteScript(s.Objects()[0].ID) {
						t.Fatal("script not in the simulator")
					}
				},
				Config: scriptConfig(s, "drift", content),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scriptAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

func TestAccStartupScript_badInputAndQuota(t *testing.T) {
	s := acctest.StartSim(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:      scriptConfig(s, "empty", ""),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)script.*length must be at least 1`),
		}},
	})
	s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.ScriptQuota = 0 })
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{{
			Config:      scriptConfig(s, "over-quota", "#!/bin/sh\n"),
			ExpectError: regexp.MustCompile(`(?s)Error creating Verda startup script "over-quota".*quota of\s+0\s+reached.*not\s+allowed\s+to\s+do\s+this`),
		}},
	})
}

func TestAccStartupScript_lostCreateAnswerIsAdopted(t *testing.T) {
	s := acctest.StartSim(t)
	if _, err := s.AddFault(sim.Fault{Method: "POST", Path: "/verda/v1/scripts", Kind: sim.FaultDropAfter, Count: 1}); err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{{
			Config: scriptConfig(s, "lost", "#!/bin/sh\necho lost\n"),
			Check: func(*terraform.State) error {
				if n := s.CountObjects("verda", "startup_script"); n != 1 {
					return fmt.Errorf("want exactly one script, found %d", n)
				}
				if n := s.Requests("POST /verda/v1/scripts", "dropped"); n != 1 {
					return fmt.Errorf("the fault did not fire")
				}
				return nil
			},
		}},
	})
}
