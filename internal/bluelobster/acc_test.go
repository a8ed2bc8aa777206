package bluelobster_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simbl "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
)

const inst = "gpucloud_bluelobster_instance.vm"

func instanceHCL(name, power, extra string) string {
	return fmt.Sprintf(`
resource "gpucloud_bluelobster_instance" "vm" {
  region         = "igl"
  instance_type  = "gpu_1x_a4000"
  name           = %q
  ssh_public_key = %q
  password       = "correct-horse-battery"
  template_name  = "UBUNTU-22-04-NV"
  metadata       = { project = "ml" }
  power_state    = %q
%s
}
`, name, acctest.SSHKeyEd25519+"\n", power, extra)
}

const stack = `
resource "gpucloud_bluelobster_firewall" "fw" {
  instance_id = gpucloud_bluelobster_instance.vm.id
  policy_in   = "drop"
  rules = [
    { type = "in", action = "accept", dport = "22", source = "10.0.0.0/8", comment = "ssh" },
    { type = "in", action = "ACCEPT", dport = "80,443" },
  ]
}
resource "gpucloud_bluelobster_backup_schedule" "daily" {
  instance_id = gpucloud_bluelobster_instance.vm.id
  frequency   = "daily"
  time_utc    = "03:00"
}
resource "gpucloud_bluelobster_extra_ip" "a" { instance_id = gpucloud_bluelobster_instance.vm.id }
resource "gpucloud_bluelobster_extra_ip" "b" { instance_id = gpucloud_bluelobster_instance.vm.id }
`

func v(addr, attr string, c knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), c)
}

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
					v(inst, "ip_address", knownvalue.StringRegexp(regexp.MustCompile(`^192\.0\.2\.\d+$`))),
					v(inst, "template_name", knownvalue.StringExact("UBUNTU-22-04-NV")),
					v(inst, "template_name_reported", knownvalue.StringExact("UBUNTU-22-04-NV-DK")),
					v(inst, "metadata", knownvalue.MapExact(map[string]knownvalue.Check{"project": knownvalue.StringExact("ml")})),
					v(inst, "power_state", knownvalue.StringExact("running")),
					v(inst, "power_status", knownvalue.StringExact("")),
					v(inst, "price_per_hour", knownvalue.Float64Exact(0.45)),
					v(inst, "gpu_count", knownvalue.Int64Exact(1)),
					v(inst, "password", knownvalue.StringExact("correct-horse-battery")),
					v(inst, "password_wo", knownvalue.Null()),
					v("gpucloud_bluelobster_firewall.fw", "policy_in", knownvalue.StringExact("drop")),
					v("gpucloud_bluelobster_backup_schedule.daily", "next_backup", knownvalue.StringRegexp(regexp.MustCompile(`T03:00:00Z$`))),
					v("gpucloud_bluelobster_backup_schedule.daily", "retention_count", knownvalue.Int64Exact(7)),
					statecheck.CompareValuePairs("gpucloud_bluelobster_extra_ip.a", tfjsonpath.New("ip_address"), "gpucloud_bluelobster_extra_ip.b", tfjsonpath.New("ip_address"), compareDiffer()),
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
				ConfigStateChecks: []statecheck.StateCheck{v(inst, "name", knownvalue.StringExact("gpu-box-renamed"))},
			},
			{
				Config:            s.Config(instanceHCL("gpu-box-renamed", "stopped", "") + stack),
				ConfigStateChecks: []statecheck.StateCheck{v(inst, "power_status", knownvalue.StringExact("stopped"))},
			},
			{
				Config: s.Config(instanceHCL("gpu-box-renamed", "running", "") + stack),
				ConfigStateChecks: []statecheck.StateCheck{
					v(inst, "power_state", knownvalue.StringExact("running")),
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

func compareDiffer() compareFunc { return compareFunc{} }

func firewallIs(s *acctest.Sim, want ...string) func(*terraform.State) error {
	return func(st *terraform.State) error {
		id := st.RootModule().Resources[inst].Primary.ID
		if got := s.BlueLobster.FirewallRules(id); !slices.Equal(got, want) {
			return fmt.Errorf("firewall rules %q, want %q", got, want)
		}
		return nil
	}
}

func ruleWrites(s *acctest.Sim) int {
	return s.Requests("POST /bluelobster/api/v1/instances/{id}/firewall/rules", "") + s.Requests("DELETE /bluelobster/api/v1/instances/{id}/firewall/rules/{pos}", "")
}

func firewallHCL(rules ...string) string {
	return `
resource "gpucloud_bluelobster_firewall" "fw" {
  instance_id = gpucloud_bluelobster_instance.vm.id
  rules = [` + strings.Join(rules, ",\n") + `]
}
`
}

func rule(action, port string) string {
	return fmt.Sprintf(`{ type = "in", action = %q, proto = "tcp", dport = %q }`, action, port)
}

// Editing one rule rewrites it and the rules after it, since the document
// names no way to add a rule at a position; the rules before it are
// untouched.
func TestAccFirewall_editRewritesFromTheEditedRule(t *testing.T) {
	s := acctest.StartSim(t)
	base := instanceHCL("fw-box", "running", "")
	three := firewallHCL(rule("ACCEPT", "22"), rule("ACCEPT", "80"), rule("DROP", "3306"))
	edited := firewallHCL(rule("ACCEPT", "22"), rule("ACCEPT", "8080"), rule("DROP", "3306"))
	var before int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: s.Config(base + three), Check: firewallIs(s, "in ACCEPT tcp 22", "in ACCEPT tcp 80", "in DROP tcp 3306")},
			{
				PreConfig: func() { before = ruleWrites(s) },
				Config:    s.Config(base + edited),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("gpucloud_bluelobster_firewall.fw", plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					firewallIs(s, "in ACCEPT tcp 22", "in ACCEPT tcp 8080", "in DROP tcp 3306"),
					func(*terraform.State) error {
						if n := ruleWrites(s) - before; n != 4 {
							return fmt.Errorf("editing the second of three rules took %d rule writes, want 4 (2 deletes, 2 adds)", n)
						}
						return nil
					},
				),
			},
			{
				// Only the case differs from what Blue Lobster stores: no change.
				Config: s.Config(base + firewallHCL(rule("accept", "22"), rule("accept", "8080"), rule("drop", "3306"))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("gpucloud_bluelobster_firewall.fw", plancheck.ResourceActionNoop),
				}},
			},
			{
				// A rule added in the console is removed: the firewall is authoritative.
				PreConfig: func() {
					for _, o := range s.Ledger() {
						s.BlueLobster.AddFirewallRule(o.ID, "in", "ACCEPT", "tcp", "5900")
					}
				},
				Config: s.Config(base + edited),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("gpucloud_bluelobster_firewall.fw", plancheck.ResourceActionUpdate),
				}},
				Check: firewallIs(s, "in ACCEPT tcp 22", "in ACCEPT tcp 8080", "in DROP tcp 3306"),
			},
			{
				// Destroying the firewall leaves it disabled with no rules.
				Config: s.Config(base),
				Check:  firewallIs(s),
			},
		},
	})
}

// Whichever end the API adds rules at, the firewall ends in the configured
// order.
func TestAccFirewall_orderWhicheverEndRulesAreAddedAt(t *testing.T) {
	for _, top := range []bool{false, true} {
		t.Run(fmt.Sprintf("insert_at_top=%v", top), func(t *testing.T) {
			s := acctest.StartSim(t)
			s.BlueLobster.UpdateSwitches(func(sw *simbl.Switches) { sw.RulesInsertAtTop = top })
			base := instanceHCL("order-box", "running", "")
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				CheckDestroy:             s.CheckNothingLeft,
				Steps: []resource.TestStep{
					{
						Config: s.Config(base + firewallHCL(rule("ACCEPT", "22"), rule("ACCEPT", "80"), rule("DROP", "3306"))),
						Check:  firewallIs(s, "in ACCEPT tcp 22", "in ACCEPT tcp 80", "in DROP tcp 3306"),
					},
					{
						Config: s.Config(base + firewallHCL(rule("ACCEPT", "22"), rule("ACCEPT", "8080"), rule("DROP", "3306"), rule("ACCEPT", "443"))),
						Check:  firewallIs(s, "in ACCEPT tcp 22", "in ACCEPT tcp 8080", "in DROP tcp 3306", "in ACCEPT tcp 443"),
					},
				},
			})
		})
	}
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

func TestAccInstance_noCapacityFailsAtOnce(t *testing.T) {
	s := acctest.StartSim(t)
	s.BlueLobster.SetCapacity("igl", "gpu_1x_a4000", 0)
	start := time.Now()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{{
			Config:      s.Config(instanceHCL("full", "running", "")),
			ExpectError: regexp.MustCompile(`(?s)HTTP 409 no_capacity: No\s+capacity\s+for\s+gpu_1x_a4000\s+in\s+igl.*no\s+capacity`),
		}},
	})
	if time.Since(start) > 20*time.Second {
		t.Fatalf("a 409 must fail at once, took %v", time.Since(start))
	}
}

func TestAccBadInput(t *testing.T) {
	s := acctest.StartSim(t)
	cases := map[string]string{
		instanceHCL("-bad-", "running", ""):                                                                          `(?s)name.*letters, digits and hyphens`,
		instanceHCL("ok", "running", `  iso_url = "https://example.com/x.iso"`):                                      `(?s)Invalid Attribute Combination.*iso_url.*template_name|template_name.*iso_url`,
		instanceHCL("ok", "running", "") + firewallHCL(`{ type = "in", action = "ACCEPT", dport = "80:22" }`):        `(?s)rules\[0\].dport.*starts\s+after\s+it\s+ends`,
		instanceHCL("ok", "running", "") + firewallHCL(`{ type = "in", action = "ACCEPT", source = "10.0.0.0/33" }`): `(?s)rules\[0\].source.*CIDR`,
		instanceHCL("ok", "running", "") + firewallHCL(`{ type = "sideways", action = "ACCEPT" }`):                   `(?s)type.*value must be one of`,
		instanceHCL("ok", "running", "") + firewallHCL(`{ type = "in", action = "ALLOW" }`):                          `(?s)action.*value must be one of`,
		instanceHCL("ok", "running", "") + `resource "gpucloud_bluelobster_backup_schedule" "s" {
  instance_id = "x"
  frequency   = "hourly"
  time_utc    = "25:00"
}`: `(?s)frequency.*value must be one of.*|time_utc.*HH:MM`,
	}
	for hcl, want := range cases {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps:                    []resource.TestStep{{Config: s.Config(hcl), PlanOnly: true, ExpectError: regexp.MustCompile(want)}},
		})
	}
	if n := s.Requests("POST /bluelobster/api/v1/instances/launch-instance", ""); n != 0 {
		t.Fatalf("bad input must fail before any launch; %d were sent", n)
	}
}

func TestAccScheduleUpdatesInPlaceAndDataSources(t *testing.T) {
	s := acctest.StartSim(t)
	schedule := func(freq, at string) string {
		return fmt.Sprintf(`
resource "gpucloud_bluelobster_backup_schedule" "s" {
  instance_id     = gpucloud_bluelobster_instance.vm.id
  frequency       = %q
  time_utc        = %q
  retention_count = 14
}
`, freq, at)
	}
	base := instanceHCL("sched-box", "running", "")
	lookups := `
data "gpucloud_bluelobster_instance_types" "all" {}
data "gpucloud_bluelobster_instance_types" "gpu_igl" {
  min_gpu_count = 1
  region        = "igl"
}
data "gpucloud_bluelobster_instance_types" "h100" {
  gpu_model      = "h100"
  available_only = true
}
data "gpucloud_bluelobster_instance_types" "none" { max_price_per_hour = 0.01 }
data "gpucloud_bluelobster_images" "nvidia" { has_nvidia = true }
data "gpucloud_bluelobster_backups" "b" { instance_id = gpucloud_bluelobster_instance.vm.id }
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: s.Config(base + schedule("daily", "03:00"))},
			{
				PreConfig: func() {
					for _, o := range s.Ledger() {
						s.BlueLobster.RunBackup(o.ID, 45_200_000_000)
					}
				},
				Config: s.Config(base + schedule("weekly", "22:30") + lookups),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("gpucloud_bluelobster_backup_schedule.s", plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					v("gpucloud_bluelobster_backup_schedule.s", "frequency", knownvalue.StringExact("weekly")),
					v("gpucloud_bluelobster_backup_schedule.s", "last_backup", knownvalue.NotNull()),
					v("data.gpucloud_bluelobster_instance_types.all", "instance_types", knownvalue.ListSizeExact(4)),
					v("data.gpucloud_bluelobster_instance_types.all", "instance_types", knownvalue.ListPartial(map[int]knownvalue.Check{
						0: knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("cpu_8x"), "price_per_hour": knownvalue.Float64Exact(0.12)}),
					})),
					v("data.gpucloud_bluelobster_instance_types.gpu_igl", "instance_types", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("gpu_1x_a4000")}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("gpu_2x_a6000"), "gpu_count": knownvalue.Int64Exact(2)}),
					})),
					v("data.gpucloud_bluelobster_instance_types.h100", "instance_types", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"regions_with_capacity": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("phl")})}),
					})),
					v("data.gpucloud_bluelobster_instance_types.none", "instance_types", knownvalue.ListSizeExact(0)),
					v("data.gpucloud_bluelobster_images.nvidia", "images", knownvalue.ListSizeExact(2)),
					v("data.gpucloud_bluelobster_backups.b", "backups", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"size_bytes": knownvalue.Int64Exact(45_200_000_000), "size_human": knownvalue.StringExact("45.2 GB")}),
					})),
				},
			},
		},
	})
}
