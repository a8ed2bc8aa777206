package verda_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
)

const instanceAddr = "gpucloud_verda_instance.test"

// instanceConfig is a key, a script and an instance; extra goes inside the
// instance block.
func instanceConfig(s *acctest.Sim, hostname, extra string) string {
	return s.Config(fmt.Sprintf(`
resource "gpucloud_verda_ssh_key" "k" {
  name       = "k"
  public_key = %q
}
resource "gpucloud_verda_startup_script" "s" {
  name   = "s"
  script = "#!/bin/sh\necho hello\n"
}
resource "gpucloud_verda_instance" "test" {
  instance_type     = "1H100.80S.22V"
  image             = "ubuntu-24.04"
  hostname          = %q
  location_code     = "FIN-01"
  ssh_key_ids       = [gpucloud_verda_ssh_key.k.id]
  startup_script_id = gpucloud_verda_startup_script.s.id
%s
}
`, acctest.SSHKeyEd25519, hostname, extra))
}

func value(attr string, check knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New(attr), check)
}

func TestAccInstance_lifecycle(t *testing.T) {
	s := acctest.StartSim(t)
	withVolumes := `
  os_volume = { name = "gpu-os", size = 120 }
  volumes   = [{ name = "data", size = 500, type = "NVMe" }]
  volumes_on_destroy = "delete_permanently"
`
	stopped := withVolumes + `  power_state = "stopped"`
	var firstID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: instanceConfig(s, "gpu-1", withVolumes),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
					plancheck.ExpectUnknownValue(instanceAddr, tfjsonpath.New("ip")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					value("status", knownvalue.StringExact("running")),
					value("ip", knownvalue.StringRegexp(regexp.MustCompile(`^203\.0\.113\.\d+$`))),
					value("price_per_hour", knownvalue.Float64Exact(3.17)),
					value("contract", knownvalue.StringExact("PAY_AS_YOU_GO")),
					value("gpu_count", knownvalue.Int64Exact(1)),
					value("gpu_description", knownvalue.StringExact("1x H100 SXM5 80GB")),
					value("cpu_cores", knownvalue.Int64Exact(22)),
					value("memory_gb", knownvalue.Int64Exact(187)),
					value("os_name", knownvalue.StringExact("Ubuntu 24.04")),
					value("new_volume_ids", knownvalue.ListSizeExact(1)),
					value("volume_ids", knownvalue.ListSizeExact(2)),
					value("jupyter_token", knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{32}$`))),
					statecheck.ExpectSensitiveValue(instanceAddr, tfjsonpath.New("jupyter_token")),
					statecheck.CompareValuePairs(instanceAddr, tfjsonpath.New("os_volume_id"), instanceAddr, tfjsonpath.New("volume_ids").AtSliceIndex(0), compareEqual()),
				},
				Check: acctest.CaptureAttr(instanceAddr, "id", &firstID),
			},
			{
				Config: instanceConfig(s, "gpu-1", stopped),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(instanceAddr, tfjsonpath.New("status")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					value("power_state", knownvalue.StringExact("stopped")),
					value("status", knownvalue.StringExact("offline")),
					value("price_per_hour", knownvalue.Float64Exact(3.17)),
				},
			},
			{
				Config: instanceConfig(s, "gpu-1", withVolumes),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					value("power_state", knownvalue.StringExact("running")),
					value("status", knownvalue.StringExact("running")),
				},
				Check: func(*resourceState) error {
					if n := s.Requests("PUT /verda/v1/instances", ""); n != 2 {
						return fmt.Errorf("want exactly a shutdown and a start, got %d actions", n)
					}
					return nil
				},
			},
			{
				Config: instanceConfig(s, "gpu-2", withVolumes),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{value("hostname", knownvalue.StringExact("gpu-2"))},
				Check: func(*resourceState) error {
					if n := s.CountObjects("verda", "instance"); n != 1 {
						return fmt.Errorf("want 1 instance after the replacement, found %d", n)
					}
					if n := s.CountObjects("verda", "volume"); n != 2 {
						return fmt.Errorf("delete_permanently must remove the old instance's volumes; %d volumes exist", n)
					}
					return nil
				},
			},
		},
	})
}

func TestAccInstance_import(t *testing.T) {
	s := acctest.StartSim(t)
	config := instanceConfig(s, "imported", "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{Config: config},
			{
				ResourceName: instanceAddr, ImportState: true, ImportStateVerify: true,
				// Timeouts are configuration only.
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				Config: config, ResourceName: instanceAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionNoop),
				}},
			},
		},
	})
}

func TestAccInstance_drift(t *testing.T) {
	s := acctest.StartSim(t)
	var id string
	config := instanceConfig(s, "drifty", "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{Config: config, Check: acctest.CaptureAttr(instanceAddr, "id", &id)},
			{
				// Shut down in the console: the plan starts it again, in place.
				PreConfig: func() { s.Verda.SetInstanceStatus(id, "offline") },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{value("status", knownvalue.StringExact("running"))},
			},
			{
				// Deleted in the console: the plan creates it again.
				PreConfig: func() {
					if !s.Verda.DeleteInstance(id) {
						t.Fatal("instance not in the simulator")
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{value("status", knownvalue.StringExact("running"))},
				Check:             acctest.CaptureAttr(instanceAddr, "id", &id),
			},
			{
				// Discontinued (spot capacity reclaimed): it cannot come back, so the plan replaces it.
				PreConfig: func() {
					if !s.Verda.SetInstanceStatus(id, "discontinued") {
						t.Fatal("instance not in the simulator")
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
			},
		},
	})
}

func TestAccInstance_failedDeployIsTaintedAndReplaced(t *testing.T) {
	for _, outcome := range []string{"no_capacity", "error", "installation_failed"} {
		t.Run(outcome, func(t *testing.T) {
			s := acctest.StartSim(t)
			s.Verda.UpdateSwitches(func(sw *simverdaSwitches) { sw.DeployOutcome = outcome })
			config := instanceConfig(s, "unlucky", "")
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				CheckDestroy:             s.CheckNothingBilled,
				Steps: []resource.TestStep{
					{
						Config:      config,
						ExpectError: regexp.MustCompile(`(?s)Error creating Verda instance "unlucky".*ended\s+in\s+state\s+"` + outcome + `".*tainted`),
					},
					{
						PreConfig: func() {
							if n := s.CountObjects("verda", "instance"); n != 1 {
								t.Fatalf("the failed instance must still exist, tracked in state: %d instances", n)
							}
							s.Verda.UpdateSwitches(func(sw *simverdaSwitches) { sw.DeployOutcome = "" })
						},
						Config: config,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionDestroyBeforeCreate),
						}},
						ConfigStateChecks: []statecheck.StateCheck{value("status", knownvalue.StringExact("running"))},
						Check:             s.CheckObjectCount("verda", "instance", 1, "the failed instance must be deleted by the replacement"),
					},
				},
			})
		})
	}
}

func TestAccInstance_createTimeoutIsTaintedAndReplaced(t *testing.T) {
	s := acctest.StartSim(t)
	s.Verda.UpdateSwitches(func(sw *simverdaSwitches) { sw.DeployOutcome = "stall" })
	config := instanceConfig(s, "slow", `  timeouts = { create = "2s" }`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)timed out after 2s waiting for Verda instance "slow".*last\s+state\s+seen:\s+provisioning`),
			},
			{
				PreConfig: func() { s.Verda.UpdateSwitches(func(sw *simverdaSwitches) { sw.DeployOutcome = "" }) },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: s.CheckObjectCount("verda", "instance", 1, "only the replacement may remain"),
			},
		},
	})
}

func TestAccInstance_quirks(t *testing.T) {
	s := acctest.StartSim(t)
	s.Verda.UpdateSwitches(func(sw *simverdaSwitches) {
		sw.ImageAsID, sw.OfflineBeforeRunning, sw.CreatedIDFormat, sw.SSHKeyGetAsObject = true, true, "json_object", true
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{
				Config: instanceConfig(s, "quirky", ""),
				ConfigStateChecks: []statecheck.StateCheck{
					// Verda reports the image by ID; the configured image type stays.
					value("image", knownvalue.StringExact("ubuntu-24.04")),
					value("status", knownvalue.StringExact("running")),
				},
			},
			{
				ResourceName: instanceAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
		},
	})
}

func TestAccInstance_lostDeployAnswerIsAdopted(t *testing.T) {
	s := acctest.StartSim(t)
	if _, err := s.AddFault(sim.Fault{Method: "POST", Path: "/verda/v1/instances", Kind: sim.FaultDropAfter, Count: 1}); err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{{
			Config:            instanceConfig(s, "lost-answer", ""),
			ConfigStateChecks: []statecheck.StateCheck{value("status", knownvalue.StringExact("running"))},
			Check: func(*resourceState) error {
				if n := s.CountObjects("verda", "instance"); n != 1 {
					return fmt.Errorf("want exactly one instance, found %d", n)
				}
				if s.Requests("POST /verda/v1/instances", "dropped") != 1 || s.Requests("POST /verda/v1/instances", "") != 1 {
					return fmt.Errorf("want one deploy, its answer lost: %+v", s.Stats()["POST /verda/v1/instances"])
				}
				return nil
			},
		}},
	})
}

func TestAccInstance_badInput(t *testing.T) {
	s := acctest.StartSim(t)
	cases := map[string]string{
		`  power_state = "paused"`:                                `(?s)power_state.*value must be one of`,
		`  volumes_on_destroy = "shred"`:                          `(?s)volumes_on_destroy.*value must be one of`,
		`  contract = "FOREVER"`:                                  `(?s)contract.*value must be one of`,
		`  os_volume = { size = 0 }`:                              `(?s)os_volume.size.*at least 1`,
		`  volumes = [{ name = "d", size = 10, type = "SSD" }]`:   `(?s)volumes\[0\].type.*value must be one of`,
		`  os_volume = { on_spot_discontinue = "move_to_trash" }`: `(?s)Spot policy on a non-spot instance`,
		`  timeouts = { create = "soon" }`:                        `Invalid Attribute Value Time Duration`,
	}
	for extra, want := range cases {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps: []resource.TestStep{{
				Config: instanceConfig(s, "bad", extra), PlanOnly: true, ExpectError: regexp.MustCompile(want),
			}},
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: strings.Replace(instanceConfig(s, "x", ""), `hostname          = "x"`, `hostname = "-bad-"`, 1), PlanOnly: true,
			ExpectError: regexp.MustCompile(`(?s)hostname.*must be 1 to 63 letters, digits and hyphens`),
		}},
	})
	if n := s.Requests("POST /verda/v1/instances", ""); n != 0 {
		t.Fatalf("bad input must fail before any deploy; %d were sent", n)
	}
}
