package nova_test

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
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simnova "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/nova"
)

func TestAccInstance_lifecycle(t *testing.T) {
	s := acctest.StartSim(t)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: s.Config(keyHCL() + vmHCL("")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(vm, tfjsonpath.New("template_vmid"), knownvalue.Int64Exact(101)),
					plancheck.ExpectKnownValue(vm, tfjsonpath.New("auth_method"), knownvalue.StringExact("ssh_key")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(vm, "status", knownvalue.StringExact("running")),
					acctest.Value(vm, "ip_address", knownvalue.StringRegexp(regexp.MustCompile(`^100\.64\.0\.\d+$`))),
					acctest.Value(vm, "hourly_rate", knownvalue.Float64Exact(1.38)),
					acctest.Value(vm, "cpu_cores", knownvalue.Int64Exact(32)),
					acctest.Value(vm, "ram_gb", knownvalue.Int64Exact(128)),
					statecheck.ExpectKnownValue("gpucloud_nova_ssh_key.k", tfjsonpath.New("fingerprint"), knownvalue.StringExact("SHA256:9EFndvM479KqYw18aWFLItjob4lSJ5v+EL7Uz3v9dOU")),
					statecheck.ExpectKnownValue("gpucloud_nova_ssh_key.k", tfjsonpath.New("key_type"), knownvalue.StringExact("ssh-ed25519")),
				},
				Check: acctest.CaptureAttr(vm, "id", &id),
			},
			{
				Config: s.Config(keyHCL() + vmHCL(`  power_state = "stopped"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vm, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(vm, "status", knownvalue.StringExact("stopped")), acctest.Value(vm, "ip_address", knownvalue.Null())},
			},
			{
				Config:            s.Config(keyHCL() + vmHCL("")),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(vm, "status", knownvalue.StringExact("running"))},
			},
			{
				ResourceName: vm, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"image", "ssh_key_id", "auth_method", "timeouts"},
			},
			{
				Config: s.Config(keyHCL() + vmHCL("")), ResourceName: vm, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vm, plancheck.ResourceActionUpdate),
				}},
			},
			{ResourceName: "gpucloud_nova_ssh_key.k", ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"public_key"}},
			{
				// Destroyed in the console: the plan rents a new one.
				PreConfig: func() { s.Nova.SetStatus(id, "destroyed") },
				Config:    s.Config(keyHCL() + vmHCL("")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vm, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

// Ten VMs at once, logged in with email and password: one login serves all
// of a command's plan walk (which looks for keys with the new key's label)
// and one all of its apply walk.
func TestAccInstance_tenVMsOneLogin(t *testing.T) {
	s := acctest.StartSim(t)
	cfg := acctest.RequiredProviders + fmt.Sprintf(`
provider "gpucloud" {
  poll_interval = "50ms"
  nova {
    email    = %q
    password = %q
    endpoint = %q
  }
}
`, simnova.DefaultEmail, simnova.DefaultPassword, s.NovaEndpoint()) + keyHCL() + `
resource "gpucloud_nova_instance" "fleet" {
  count      = 10
  node       = count.index < 8 ? "vm02" : "vm03"
  gpu_type   = count.index < 8 ? "4090" : "6000pro"
  gpu_count  = 1
  storage_gb = 50
  template_vmid = 100
  ssh_key_id = gpucloud_nova_ssh_key.k.id
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{{
			PreConfig: s.ResetStats,
			Config:    cfg,
			Check: resource.ComposeAggregateTestCheckFunc(
				s.CheckObjectCount("nova", "instance", 10, "ten VMs"),
				func(*terraform.State) error {
					if n := s.Requests("POST /nova/auth/login", ""); n != 2 {
						return fmt.Errorf("the apply logged in %d times, want once to plan and once to apply", n)
					}
					return nil
				},
			),
		}},
	})
}

func TestAccInstance_insufficientBalance(t *testing.T) {
	s := acctest.StartSim(t)
	s.Nova.UpdateSwitches(func(sw *simnova.Switches) { sw.Balance = 1 })
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: s.Config(keyHCL())},
			{
				Config:      s.Config(keyHCL() + vmHCL("")),
				ExpectError: regexp.MustCompile(`(?s)Insufficient\s+balance\.\s+Required:\s+\$1\.38,\s+Available:\s+\$1\.00.*top\s+it\s+up`),
			},
			{
				Config: s.Config(keyHCL()),
				Check:  s.CheckObjectCount("nova", "instance", 0, "a refused rental leaves nothing"),
			},
		},
	})
}

// An interruptible rental interrupted during create is an answer, not a
// failure: it is saved with its status.
func TestAccInstance_interruptedIsReportedNotFatal(t *testing.T) {
	s := acctest.StartSim(t)
	s.Nova.UpdateSwitches(func(sw *simnova.Switches) { sw.CreateOutcome = "interrupted" })
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{{
			Config:            s.Config(keyHCL() + vmHCL(`  rental_type = "interruptible"`)),
			ConfigStateChecks: []statecheck.StateCheck{acctest.Value(vm, "status", knownvalue.StringExact("interrupted")), acctest.Value(vm, "hourly_rate", knownvalue.Float64Exact(0.7))},
		}},
	})
}

// A VM that fails to start is kept, tainted, and replaced by the next apply.
func TestAccInstance_failedIsTaintedAndReplaced(t *testing.T) {
	s := acctest.StartSim(t)
	s.Nova.UpdateSwitches(func(sw *simnova.Switches) { sw.CreateOutcome = "failed" })
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: s.Config(keyHCL() + vmHCL("")), ExpectError: regexp.MustCompile(`(?s)ended\s+in\s+state\s+"failed".*tainted`)},
			{
				PreConfig: func() { s.Nova.UpdateSwitches(func(sw *simnova.Switches) { sw.CreateOutcome = "" }) },
				Config:    s.Config(keyHCL() + vmHCL("")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vm, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: s.CheckObjectCount("nova", "instance", 1, "the failed VM must be destroyed by the replacement"),
			},
		},
	})
}

// Bad instance arguments are plan-time errors naming the attribute.
func TestAccInstance_badInput(t *testing.T) {
	s := acctest.StartSim(t)
	for extra, want := range map[string]string{
		`  rental_type = "reserved"`:                                `Reservation length missing`,
		`  reservation_months = 3`:                                  `Reservation length without a reservation`,
		`  template_vmid = 100`:                                     `(?s)Invalid Attribute Combination.*template_vmid`,
		`  password = "long-enough-1"`:                              `(?s)Invalid Attribute Combination.*ssh_key_id.*password|password.*ssh_key_id`,
		`  power_state = "hibernating"`:                             `(?s)power_state.*value must be one of`,
		`  rental_type = "reserved"` + "\n  reservation_months = 2": `(?s)reservation_months.*value must be one of`,
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps:                    []resource.TestStep{{Config: s.Config(keyHCL() + vmHCL(extra)), PlanOnly: true, ExpectError: regexp.MustCompile(want)}},
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(keyHCL() + `
resource "gpucloud_nova_instance" "vm" {
  node          = "vm01"
  gpu_type      = "5090"
  gpu_count     = 3
  storage_gb    = 40
  template_vmid = 100
  ssh_key_id    = "x"
}`), PlanOnly: true,
			ExpectError: regexp.MustCompile(`(?s)gpu_count.*value must be one of`),
		}},
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`
resource "gpucloud_nova_instance" "vm" {
  node       = "vm01"
  gpu_type   = "5090"
  gpu_count  = 1
  storage_gb = 100
  image      = "ubuntu-24.04"
}`), PlanOnly: true,
			ExpectError: regexp.MustCompile(`(?s)Missing ssh_key_id or password or password_wo.*needed to create a new VM`),
		}},
	})
}

// A password in either form: the write-only one is never in state and its
// version, when changed, replaces the VM with one made with the new
// password; the stored one is kept (sensitive); both at once are refused at
// plan.
func TestAccInstance_passwordForms(t *testing.T) {
	s := acctest.StartSim(t)
	withPassword := func(args string) string {
		return `
resource "gpucloud_nova_instance" "vm" {
  node          = "vm02"
  gpu_type      = "4090"
  gpu_count     = 1
  storage_gb    = 50
  template_vmid = 100
` + args + `
}
`
	}
	var first string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		// Engines before 1.11 refuse write-only arguments; there the
		// stored password is the only form.
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		CheckDestroy:           s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: s.Config(withPassword("  password_wo = \"first-password\"\n  password_wo_version = 1")),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(vm, "password_wo", knownvalue.Null()), acctest.Value(vm, "password", knownvalue.Null()),
					acctest.Value(vm, "password_wo_version", knownvalue.Int64Exact(1)), acctest.Value(vm, "auth_method", knownvalue.StringExact("password")),
				},
				Check: acctest.CaptureAttr(vm, "id", &first),
			},
			{
				Config: s.Config(withPassword("  password_wo = \"second-password\"\n  password_wo_version = 2")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vm, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.TestCheckResourceAttrWith(vm, "id", func(id string) error {
					if id == first {
						return fmt.Errorf("the VM was not replaced")
					}
					return nil
				}),
			},
			{
				Config:      s.Config(withPassword("  password = \"stored-password\"\n  password_wo = \"other-password\"\n  password_wo_version = 1")),
				ExpectError: regexp.MustCompile(`(?s)password_wo.*cannot be specified when.*password|password.*cannot be specified when.*password_wo`),
			},
			{
				Config:      s.Config(withPassword("  password_wo = \"other-password\"")),
				ExpectError: regexp.MustCompile(`(?s)password_wo_version.*must be specified when.*password_wo`),
			},
			{
				Config: s.Config(withPassword("  password = \"stored-password\"")),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(vm, "password", knownvalue.StringExact("stored-password")), acctest.Value(vm, "password_wo_version", knownvalue.Null()),
				},
			},
		},
	})
}

// What Nova Cloud's prices and offers can check fails the plan, naming the
// attribute and what is offered; a good plan shows the price.
func TestAccInstance_catalogueCheckedAtPlan(t *testing.T) {
	s := acctest.StartSim(t)
	config := func(node, gpuType, extra string) string {
		return s.Config(keyHCL() + fmt.Sprintf(`
resource "gpucloud_nova_instance" "vm" {
  node       = %q
  gpu_type   = %q
  gpu_count  = 2
  storage_gb = 100
  image      = "ubuntu-24.04"
  ssh_key_id = gpucloud_nova_ssh_key.k.id
%s
}
`, node, gpuType, extra))
	}
	for cfg, want := range map[string]string{
		config("vm01", "h200", ""):                         `(?s)gpu_type value must be one of.*"h200"`,
		config("vm99", "5090", ""):                         `(?s)node.*"vm99" is not a node Nova Cloud offers.*vm01`,
		config("vm01", "6000pro", ""):                      `(?s)gpu_type.*Node vm01 offers no 6000pro GPUs.*It offers: 5090`,
		config("vm01", "5090", `  max_price_per_hour = 1`): `(?s)max_price_per_hour.*costs 1.38 USD per hour, above max_price_per_hour \(1\)`,
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps:                    []resource.TestStep{{Config: cfg, PlanOnly: true, ExpectError: regexp.MustCompile(want)}},
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: config("vm01", "5090", ""), PlanOnly: true, ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(vm, tfjsonpath.New("price_per_hour"), knownvalue.Float64Exact(1.38)),
				plancheck.ExpectKnownValue(vm, tfjsonpath.New("currency"), knownvalue.StringExact("USD")),
			}},
		}},
	})
	if n := s.Requests("POST /nova/vms", ""); n != 0 {
		t.Fatalf("bad input must fail before any create; %d were sent", n)
	}
}
