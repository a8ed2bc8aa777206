package verda_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
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
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
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
					acctest.Value(instanceAddr, "status", knownvalue.StringExact("running")),
					acctest.Value(instanceAddr, "ip", knownvalue.StringRegexp(regexp.MustCompile(`^203\.0\.113\.\d+$`))),
					acctest.Value(instanceAddr, "price_per_hour", knownvalue.Float64Exact(3.17)),
					acctest.Value(instanceAddr, "contract", knownvalue.StringExact("PAY_AS_YOU_GO")),
					acctest.Value(instanceAddr, "gpu_count", knownvalue.Int64Exact(1)),
					acctest.Value(instanceAddr, "gpu_description", knownvalue.StringExact("1x H100 SXM5 80GB")),
					acctest.Value(instanceAddr, "cpu_cores", knownvalue.Int64Exact(22)),
					acctest.Value(instanceAddr, "memory_gb", knownvalue.Int64Exact(187)),
					acctest.Value(instanceAddr, "os_name", knownvalue.StringExact("Ubuntu 24.04")),
					acctest.Value(instanceAddr, "new_volume_ids", knownvalue.ListSizeExact(1)),
					acctest.Value(instanceAddr, "volume_ids", knownvalue.ListSizeExact(2)),
					acctest.Value(instanceAddr, "jupyter_token", knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{32}$`))),
					statecheck.ExpectSensitiveValue(instanceAddr, tfjsonpath.New("jupyter_token")),
					statecheck.CompareValuePairs(instanceAddr, tfjsonpath.New("os_volume_id"), instanceAddr, tfjsonpath.New("volume_ids").AtSliceIndex(0), compare.ValuesSame()),
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
					acctest.Value(instanceAddr, "power_state", knownvalue.StringExact("stopped")),
					acctest.Value(instanceAddr, "status", knownvalue.StringExact("offline")),
					acctest.Value(instanceAddr, "price_per_hour", knownvalue.Float64Exact(3.17)),
				},
			},
			{
				Config: instanceConfig(s, "gpu-1", withVolumes),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(instanceAddr, "power_state", knownvalue.StringExact("running")),
					acctest.Value(instanceAddr, "status", knownvalue.StringExact("running")),
				},
				Check: func(*terraform.State) error {
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
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(instanceAddr, "hostname", knownvalue.StringExact("gpu-2"))},
				Check: func(*terraform.State) error {
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
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(instanceAddr, "status", knownvalue.StringExact("running"))},
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
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(instanceAddr, "status", knownvalue.StringExact("running"))},
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
			s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.DeployOutcome = outcome })
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
							s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.DeployOutcome = "" })
						},
						Config: config,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionDestroyBeforeCreate),
						}},
						ConfigStateChecks: []statecheck.StateCheck{acctest.Value(instanceAddr, "status", knownvalue.StringExact("running"))},
						Check:             s.CheckObjectCount("verda", "instance", 1, "the failed instance must be deleted by the replacement"),
					},
				},
			})
		})
	}
}

func TestAccInstance_createTimeoutIsTaintedAndReplaced(t *testing.T) {
	s := acctest.StartSim(t)
	s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.DeployOutcome = "stall" })
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
				PreConfig: func() { s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.DeployOutcome = "" }) },
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
	s.Verda.UpdateSwitches(func(sw *simverda.Switches) {
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
					acctest.Value(instanceAddr, "image", knownvalue.StringExact("ubuntu-24.04")),
					acctest.Value(instanceAddr, "status", knownvalue.StringExact("running")),
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
			ConfigStateChecks: []statecheck.StateCheck{acctest.Value(instanceAddr, "status", knownvalue.StringExact("running"))},
			Check: func(*terraform.State) error {
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
		`  os_volume = { size = 0 }`:                              `(?s)os_volume.size.*between 1 and 1000000`,
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

// Twenty instances at once with Verda's documented rate limits enforced by
// the simulator: no 429 reaches the user.
func TestAccInstance_twentyUnderRateLimits(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{{
			Config: s.Config(`
resource "gpucloud_verda_instance" "fleet" {
  count         = 20
  instance_type = "CPU.4V.16G"
  image         = "ubuntu-24.04"
  hostname      = "fleet-${count.index}"
  location_code = "FIN-01"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("gpucloud_verda_instance.fleet[19]", tfjsonpath.New("status"), knownvalue.StringExact("running")),
			},
			Check: func(*terraform.State) error {
				if n := s.CountObjects("verda", "instance"); n != 20 {
					return fmt.Errorf("want 20 instances, found %d", n)
				}
				if n := s.Requests("POST /verda/v1/instances", "202"); n != 20 {
					return fmt.Errorf("want 20 deploys, got %d", n)
				}
				return nil
			},
		}},
	})
}

const (
	routeList  = "GET /verda/v1/instances"
	routeGet   = "GET /verda/v1/instances/{id}"
	routeToken = "POST /verda/v1/oauth2/token"
)

// A fleet is refreshed and waited for through shared list requests: the
// cost of a plan does not grow with the number of instances.
func TestAccInstance_fleetReadsShareListRequests(t *testing.T) {
	s := acctest.StartSim(t)
	const n = 12
	config := s.Config(fmt.Sprintf(`
resource "gpucloud_verda_instance" "fleet" {
  count         = %d
  instance_type = "1H100.80S.22V"
  image         = "ubuntu-24.04"
  hostname      = "fleet-${count.index}"
  location_code = "FIN-01"
}
`, n))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					if got := s.Requests(routeGet, ""); got != 0 {
						return fmt.Errorf("waiting for %d instances made %d requests for single instances, want none", n, got)
					}
					if got := s.CountObjects("verda", "instance"); got != n {
						return fmt.Errorf("want %d instances, found %d", n, got)
					}
					return nil
				},
			},
			{
				PreConfig: s.ResetStats,
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
					s.ExpectRequests(func(st map[string]sim.EndpointStats) error {
						total := 0
						for _, e := range st {
							total += e.Count
						}
						if st[routeList].Count != 1 || st[routeGet].Count != 0 || total != 2 {
							return fmt.Errorf("refreshing %d instances should take one token and one list request", n)
						}
						return nil
					}),
				}},
			},
		},
	})
}

// A destroy of a fleet sends its deletes together, a handful of IDs a
// request, and confirms them from the shared list; the one instance Verda
// refuses to delete fails alone and stays in state, and a later destroy
// removes it.
func TestAccInstance_destroyIsBatchedAndFailsOnlyTheRefused(t *testing.T) {
	s := acctest.StartSim(t)
	const n = 8
	fleet := func(count int) string {
		return s.Config(fmt.Sprintf(`
resource "gpucloud_verda_instance" "fleet" {
  count         = %d
  instance_type = "CPU.4V.16G"
  image         = "ubuntu-24.04"
  hostname      = "fleet-${count.index}"
  location_code = "FIN-01"
}
`, count))
	}
	var refused string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{
				Config: fleet(n),
				Check:  acctest.CaptureAttr("gpucloud_verda_instance.fleet.3", "id", &refused),
			},
			{
				PreConfig: func() {
					s.ResetStats()
					s.Verda.RefuseActions(refused, "Instance is locked by a running backup")
				},
				Config:      fleet(0),
				ExpectError: regexp.MustCompile(`Instance\s+is\s+locked\s+by\s+a\s+running\s+backup`),
			},
			{
				PreConfig: func() {
					st := s.Stats()
					if got := st["PUT /verda/v1/instances"].Count; got < 1 || got > 2 {
						t.Errorf("%d deletes took %d PUT /instances requests, want one or two", n, got)
					}
					if got := st[routeGet].Count; got != 0 {
						t.Errorf("absence is read from the list, yet %d instances were asked for one by one", got)
					}
					if got := s.CountObjects("verda", "instance"); got != 1 {
						t.Errorf("want only the refused instance left, found %d", got)
					}
					s.Verda.RefuseActions(refused, "")
				},
				Config: fleet(0),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("gpucloud_verda_instance.fleet[3]", plancheck.ResourceActionDestroy),
				}},
				Check: s.CheckNothingBilled,
			},
		},
	})
}

// What Verda's catalogue can check fails the plan, naming the attribute and
// the valid values; a good plan shows the price.
func TestAccInstance_catalogueCheckedAtPlan(t *testing.T) {
	s := acctest.StartSim(t)
	hcl := func(typ, location, image, extra string) string {
		return s.Config(fmt.Sprintf(`
resource "gpucloud_verda_instance" "test" {
  instance_type = %q
  image         = %q
  hostname      = "checked"
  location_code = %q
%s
}
`, typ, image, location, extra))
	}
	good := func(extra string) string { return hcl("1H100.80S.22V", "FIN-01", "ubuntu-24.04", extra) }
	for cfg, want := range map[string]string{
		hcl("1H100.80S.99V", "FIN-01", "ubuntu-24.04", ""): `(?s)instance_type.*"1H100.80S.99V" is not an instance type Verda offers.*1H100.80S.22V`,
		hcl("1H100.80S.22V", "FIN-09", "ubuntu-24.04", ""): `(?s)location_code.*"FIN-09" is not a Verda location.*FIN-01, FIN-02`,
		hcl("1A100.22V", "FIN-03", "ubuntu-24.04", ""):     `(?s)instance_type.*no on-demand 1A100.22V to deploy at FIN-03.*deployable at`,
		hcl("1H100.80S.22V", "FIN-01", "windows-11", ""):   `(?s)image.*"windows-11" is not an image type Verda offers.*ubuntu-24.04`,
		good(`  ssh_key_ids = ["laptop"]`):                 `(?s)ssh_key_ids.*"laptop": must be an ID`,
		good(`  timeouts = { create = "-5m" }`):            `(?s)timeouts.create = "-5m": must be a duration`,
		good(`  max_price_per_hour = 1`):                   `(?s)max_price_per_hour.*costs 3.17 USD per hour, above max_price_per_hour \(1\)`,
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps:                    []resource.TestStep{{Config: cfg, PlanOnly: true, ExpectError: regexp.MustCompile(want)}},
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: good(`  max_price_per_hour = 5`), PlanOnly: true, ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("price_per_hour"), knownvalue.Float64Exact(3.17)),
				plancheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("currency"), knownvalue.StringExact("USD")),
			}},
		}},
	})
	if n := s.Requests("POST /verda/v1/instances", ""); n != 0 {
		t.Fatalf("bad input must fail before any deploy; %d were sent", n)
	}
	for _, route := range []string{"GET /verda/v1/instance-types", "GET /verda/v1/locations", "GET /verda/v1/images"} {
		if n := s.Requests(route, ""); n > 9 {
			t.Errorf("%s asked %d times for 9 plans: the catalogue is fetched once per provider process", route, n)
		}
	}
}

// A plan of examples/quickstart, as a new user runs it, shows what the
// instance will cost before anything is created.
func TestAccInstance_quickstartPlanShowsThePrice(t *testing.T) {
	s := acctest.StartSim(t)
	example, err := os.ReadFile(filepath.Join("..", "..", "examples", "quickstart", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	const block = "provider \"gpucloud\" {\n  verda {}\n}\n"
	if !strings.Contains(string(example), block) {
		t.Fatal("the quickstart's provider block changed; update this test")
	}
	cfg := strings.Replace(string(example), block, s.ProviderBlock(), 1)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: cfg, PlanOnly: true, ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue("gpucloud_verda_instance.gpu", tfjsonpath.New("price_per_hour"), knownvalue.Float64Exact(3.17)),
				plancheck.ExpectKnownOutputValue("price_per_hour", knownvalue.StringExact("3.17 USD")),
			}},
		}},
	})
}

// Tags are sent with the deploy, changed in place (a value changed, a key
// removed, a key added), a tag linked in the console is drift the next plan
// removes, and an uppercase key fails the plan.
func TestAccInstance_tagsChangeInPlace(t *testing.T) {
	s := acctest.StartSim(t)
	addr := "gpucloud_verda_instance.tagged"
	config := func(tags string) string {
		return s.Config(`
resource "gpucloud_verda_instance" "tagged" {
  instance_type = "CPU.4V.16G"
  image         = "ubuntu-24.04"
  hostname      = "tagged"
  location_code = "FIN-01"
  tags          = ` + tags + `
}`)
	}
	tags := func(want map[string]string) statecheck.StateCheck {
		checks := map[string]knownvalue.Check{}
		for k, v := range want {
			checks[k] = knownvalue.StringExact(v)
		}
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("tags"), knownvalue.MapExact(checks))
	}
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{Config: config(`{ Team = "ml" }`), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)tags.*lowercase`)},
			{
				Config:            config(`{ team = "ml", "gpu-pool" = "" }`),
				ConfigStateChecks: []statecheck.StateCheck{tags(map[string]string{"team": "ml", "gpu-pool": ""})},
				Check:             acctest.CaptureAttr(addr, "id", &id),
			},
			{
				Config:            config(`{ team = "vision", env = "prod" }`),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)}},
				ConfigStateChecks: []statecheck.StateCheck{tags(map[string]string{"team": "vision", "env": "prod"})},
			},
			{
				PreConfig: func() {
					if !s.Verda.LinkTag("instances", id, "owner", "console") {
						t.Fatal("no instance to tag")
					}
				},
				Config:            config(`{ team = "vision", env = "prod" }`),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)}},
				ConfigStateChecks: []statecheck.StateCheck{tags(map[string]string{"team": "vision", "env": "prod"})},
			},
		},
	})
}
