package bluelobster_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	simbl "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
)

// With every quirk on: create, rename, power off and on, import and destroy
// of an instance with a firewall, a backup schedule and two extra IPs converge.
func TestAccInstance_fullStackWithQuirks(t *testing.T) {
	s := acctest.StartSim(t)
	s.BlueLobster.UpdateSwitches(func(sw *simbl.Switches) {
		sw.PowerStatusNull, sw.DropMetadata, sw.RenameTemplate, sw.NestedErrors, sw.DeleteNotFoundTimes = true, true, true, true, 2
	})
	var ipA, ipB string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: s.Config(instanceHCL("gpu-box", "running", "") + stack),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(inst, "ip_address", knownvalue.StringRegexp(regexp.MustCompile(`^192\.0\.2\.\d+$`))),
					acctest.Value(inst, "template_name", knownvalue.StringExact("UBUNTU-22-04-NV")),
					acctest.Value(inst, "template_name_reported", knownvalue.StringExact("UBUNTU-22-04-NV-DK")),
					acctest.Value(inst, "metadata", knownvalue.MapExact(map[string]knownvalue.Check{"project": knownvalue.StringExact("ml")})),
					acctest.Value(inst, "power_state", knownvalue.StringExact("running")),
					acctest.Value(inst, "power_status", knownvalue.StringExact("")),
					acctest.Value(inst, "price_per_hour", knownvalue.Float64Exact(0.45)),
					acctest.Value(inst, "gpu_count", knownvalue.Int64Exact(1)),
					acctest.Value(inst, "password", knownvalue.StringExact("correct-horse-battery")),
					acctest.Value(inst, "password_wo", knownvalue.Null()),
					acctest.Value("gpucloud_bluelobster_firewall.fw", "policy_in", knownvalue.StringExact("drop")),
					acctest.Value("gpucloud_bluelobster_backup_schedule.daily", "next_backup", knownvalue.StringRegexp(regexp.MustCompile(`T03:00:00Z$`))),
					acctest.Value("gpucloud_bluelobster_backup_schedule.daily", "retention_count", knownvalue.Int64Exact(7)),
					statecheck.CompareValuePairs("gpucloud_bluelobster_extra_ip.a", tfjsonpath.New("ip_address"), "gpucloud_bluelobster_extra_ip.b", tfjsonpath.New("ip_address"), compare.ValuesDiffer()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.CaptureAttr("gpucloud_bluelobster_extra_ip.a", "ip_address", &ipA),
					acctest.CaptureAttr("gpucloud_bluelobster_extra_ip.b", "ip_address", &ipB),
					s.CheckObjectCount("bluelobster", "extra_ip", 2, "two extra IPs created in parallel"),
					firewallIs(s, "in ACCEPT tcp 22", "in ACCEPT tcp 80,443"),
				),
			},
			{
				Config: s.Config(instanceHCL("gpu-box-renamed", "running", "") + stack),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(inst, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(inst, "name", knownvalue.StringExact("gpu-box-renamed"))},
			},
			{
				Config:            s.Config(instanceHCL("gpu-box-renamed", "stopped", "") + stack),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(inst, "power_status", knownvalue.StringExact("stopped"))},
			},
			{
				Config: s.Config(instanceHCL("gpu-box-renamed", "running", "") + stack),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(inst, "power_state", knownvalue.StringExact("running")),
					// Each address stayed its own through it all.
					statecheck.ExpectKnownValue("gpucloud_bluelobster_extra_ip.a", tfjsonpath.New("ip_address"), unchanged(&ipA)),
					statecheck.ExpectKnownValue("gpucloud_bluelobster_extra_ip.b", tfjsonpath.New("ip_address"), unchanged(&ipB)),
				},
			},
			{
				ResourceName: inst, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"ssh_public_key", "template_name", "metadata", "timeouts", "password"},
			},
			{
				Config: s.Config(instanceHCL("gpu-box-renamed", "running", "") + stack), ResourceName: inst, ImportState: true,
				ImportStateKind: resource.ImportBlockWithID, ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(inst, plancheck.ResourceActionUpdate),
				}},
			},
			{ResourceName: "gpucloud_bluelobster_extra_ip.b", ImportState: true, ImportStateVerify: true, ImportStateIdFunc: func(st *terraform.State) (string, error) {
				return st.RootModule().Resources["gpucloud_bluelobster_extra_ip.b"].Primary.ID, nil
			}},
			{
				// Blue Lobster stores policies and actions in upper case; the configuration's case is kept only while planned.
				ResourceName: "gpucloud_bluelobster_firewall.fw", ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"policy_in", "rules.0.action"},
			},
			{ResourceName: "gpucloud_bluelobster_backup_schedule.daily", ImportState: true, ImportStateVerify: true},
		},
	})
}

func unchanged(was *string) knownvalue.Check {
	return knownvalue.StringFunc(func(got string) error {
		if got != *was {
			return fmt.Errorf("changed from %s to %s", *was, got)
		}
		return nil
	})
}

func TestAccInstance_failedLaunch(t *testing.T) {
	t.Run("machine made: tainted and replaced", func(t *testing.T) {
		s := acctest.StartSim(t)
		s.BlueLobster.UpdateSwitches(func(sw *simbl.Switches) { sw.LaunchOutcome = "FAILED" })
		cfg := s.Config(instanceHCL("doomed", "running", ""))
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			CheckDestroy:             s.CheckNothingLeft,
			Steps: []resource.TestStep{
				{Config: cfg, ExpectError: regexp.MustCompile(`(?s)ended\s+in\s+state\s+"FAILED":\s+Provisioning\s+failed.*tainted`)},
				{
					PreConfig: func() { s.BlueLobster.UpdateSwitches(func(sw *simbl.Switches) { sw.LaunchOutcome = "" }) },
					Config:    cfg,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(inst, plancheck.ResourceActionDestroyBeforeCreate),
					}},
					Check: s.CheckObjectCount("bluelobster", "instance", 1, "the failed machine must be deleted by the replacement"),
				},
			},
		})
	})
	t.Run("no machine made: nothing in state", func(t *testing.T) {
		s := acctest.StartSim(t)
		s.BlueLobster.UpdateSwitches(func(sw *simbl.Switches) { sw.LaunchOutcome = "FAILED_NO_VM" })
		cfg := s.Config(instanceHCL("never", "running", ""))
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			CheckDestroy:             s.CheckNothingLeft,
			Steps: []resource.TestStep{
				{Config: cfg, ExpectError: regexp.MustCompile(`(?s)no\s+machine\s+was\s+made`)},
				{
					PreConfig: func() { s.BlueLobster.UpdateSwitches(func(sw *simbl.Switches) { sw.LaunchOutcome = "" }) },
					Config:    cfg,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(inst, plancheck.ResourceActionCreate),
					}},
				},
			},
		})
	})
}

// Capacity gone between the plan and the launch is Blue Lobster's 409: the
// launch fails at once, with the cloud's answer, without retrying or waiting
// for a task. (Capacity gone before the plan fails the plan.)
func TestAccInstance_capacityGoneAtLaunchFailsAtOnce(t *testing.T) {
	s := acctest.StartSim(t)
	if _, err := s.AddFault(sim.Fault{Method: "POST", Path: "/bluelobster/api/v1/instances/launch-instance", Kind: sim.FaultStatus,
		Status: 409, Code: "no_capacity", Count: 1}); err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{{
			Config:      s.Config(instanceHCL("full", "running", "")),
			ExpectError: regexp.MustCompile(`(?s)HTTP 409 no_capacity`),
		}},
	})
	if n := s.Requests("POST /bluelobster/api/v1/instances/launch-instance", ""); n != 1 {
		t.Errorf("a 409 must not be retried: %d launches were sent", n)
	}
	if n := s.Requests("GET /bluelobster/api/v1/tasks/{id}", ""); n != 0 {
		t.Errorf("a refused launch has no task to wait for: %d task reads", n)
	}
}

// Bad instance arguments are plan-time errors naming the attribute.
func TestAccInstance_badInput(t *testing.T) {
	s := acctest.StartSim(t)
	expectPlanErrors(t, s, map[string]string{
		instanceHCL("-bad-", "running", ""):                                     `(?s)name.*letters, digits and hyphens`,
		instanceHCL("ok", "running", `  iso_url = "https://example.com/x.iso"`): `(?s)Invalid Attribute Combination.*iso_url.*template_name|template_name.*iso_url`,
		`resource "gpucloud_bluelobster_instance" "vm" {
  region        = "igl"
  instance_type = "gpu_1x_a4000"
  name          = "ok"
}`: `(?s)Missing ssh_public_key.*needed to create a new instance.*Missing template_name or iso_url`,
	})
}

// What Blue Lobster's catalogue can check fails the plan, naming the
// attribute and the valid values; a good plan shows the price.
func TestAccInstance_catalogueCheckedAtPlan(t *testing.T) {
	s := acctest.StartSim(t)
	hcl := func(region, typ, template, extra string) string {
		return s.Config(fmt.Sprintf(`
resource "gpucloud_bluelobster_instance" "vm" {
  region         = %q
  instance_type  = %q
  name           = "checked"
  ssh_public_key = %q
  template_name  = %q
%s
}
`, region, typ, acctest.SSHKeyEd25519, template, extra))
	}
	for cfg, want := range map[string]string{
		hcl("igl", "gpu_1x_h900", "UBUNTU-22-04-NV", ""):                            `(?s)instance_type.*"gpu_1x_h900" is not an instance type Blue Lobster offers.*gpu_1x_a4000`,
		hcl("mars-1", "gpu_1x_a4000", "UBUNTU-22-04-NV", ""):                        `(?s)no gpu_1x_a4000 to launch in "mars-1" right now.*Regions\s+with\s+capacity\s+now:\s+igl`,
		hcl("igl", "gpu_1x_a4000", "WINDOWS-XP", ""):                                `(?s)template_name.*"WINDOWS-XP" is not a Blue Lobster template.*UBUNTU-22-04-NV`,
		hcl("igl", "gpu_1x_a4000", "UBUNTU-22-04-NV", `  max_price_per_hour = 0.2`): `(?s)max_price_per_hour.*costs 0.45 USD per hour, above max_price_per_hour \(0.2\)`,
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps:                    []resource.TestStep{{Config: cfg, PlanOnly: true, ExpectError: regexp.MustCompile(want)}},
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: hcl("igl", "gpu_1x_a4000", "UBUNTU-22-04-NV", ""), PlanOnly: true, ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(inst, tfjsonpath.New("price_per_hour"), knownvalue.Float64Exact(0.45)),
				plancheck.ExpectKnownValue(inst, tfjsonpath.New("currency"), knownvalue.StringExact("USD")),
			}},
		}},
	})
	if n := s.Requests("POST /bluelobster/api/v1/instances/launch-instance", ""); n != 0 {
		t.Fatalf("bad input must fail before any launch; %d were sent", n)
	}
}
