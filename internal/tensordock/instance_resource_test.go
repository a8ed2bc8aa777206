package tensordock_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
	simtd "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/tensordock"
)

const (
	addr     = "gpucloud_tensordock_instance.test"
	nyH100   = "4b1e0c5a-0000-4000-8000-0000000000a1"
	berlinID = "8f3c1a2e-0003-4a6b-9c1d-000000000003"
	nyID     = "8f3c1a2e-0001-4a6b-9c1d-000000000001"
)

func config(s *acctest.Sim, body string) string {
	return s.Config(fmt.Sprintf(`
resource "gpucloud_tensordock_ssh_key" "k" {
  name       = "k"
  public_key = %q
}
resource "gpucloud_tensordock_instance" "test" {
  name       = "td-1"
  image      = "ubuntu2404"
  ssh_key_id = gpucloud_tensordock_ssh_key.k.id
%s
}
`, acctest.SSHKeyEd25519, body))
}

func sized(vcpu, ram, disk int, gpus string, power string) string {
	return fmt.Sprintf(`
  hostnode_id = %q
  vcpu_count  = %d
  ram_gb      = %d
  storage_gb  = %d
%s
  power_state = %q
  port_forwards = [
    { internal_port = 22, external_port = 20000 },
    { internal_port = 8888, external_port = 20001 },
  ]
  cloud_init = {
    runcmd         = ["echo hello"]
    packages       = ["git"]
    package_update = true
  }
`, nyH100, vcpu, ram, disk, gpus, power)
}

func allQuirks(s *acctest.Sim) {
	s.TensorDock.UpdateSwitches(func(sw *simtd.Switches) {
		sw.ErrorsAs200, sw.RemapPorts, sw.WrapGet, sw.ListAsArray = true, true, true, true
		sw.IPDelay = simcore.Duration(400 * time.Millisecond)
	})
}

// With every quirk on: create, resize, stop, start, import and destroy converge
// with no diff after any step.
func TestAccInstance_lifecycleWithQuirks(t *testing.T) {
	s := acctest.StartSim(t)
	allQuirks(s)
	oneGPU := `  gpu_model = "h100-sxm5-80gb"`
	twoGPUs := oneGPU + "\n  gpu_count = 2"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: config(s, sized(8, 32, 200, oneGPU, "running")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("gpu_count"), knownvalue.Int64Exact(1)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(addr, "status", knownvalue.StringExact("running")),
					acctest.Value(addr, "ip_address", knownvalue.StringRegexp(regexp.MustCompile(`^198\.51\.100\.\d+$`))),
					// Asked for 20000 and 20001; TensorDock remapped both. The request stays as written.
					acctest.Value(addr, "port_forwards", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{"internal_port": knownvalue.Int64Exact(22), "external_port": knownvalue.Int64Exact(20000)}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{"internal_port": knownvalue.Int64Exact(8888), "external_port": knownvalue.Int64Exact(20001)}),
					})),
					acctest.Value(addr, "assigned_port_forwards", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{"internal_port": knownvalue.Int64Exact(22), "external_port": knownvalue.Int64Exact(20001)}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{"internal_port": knownvalue.Int64Exact(8888), "external_port": knownvalue.Int64Exact(20000)}),
					})),
					// 8 vCPU x 0.0015 + 32 GB x 0.0007 + 200 GB x 0.00005 + 1 x 2.20
					acctest.Value(addr, "rate_hourly", knownvalue.Float64Exact(2.2444)),
				},
				Check: gpusFree(s, "h100-sxm5-80gb", 7),
			},
			{
				Config: config(s, sized(16, 64, 300, twoGPUs, "running")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(addr, "vcpu_count", knownvalue.Int64Exact(16)), acctest.Value(addr, "gpu_count", knownvalue.Int64Exact(2)),
					acctest.Value(addr, "status", knownvalue.StringExact("running")), acctest.Value(addr, "power_state", knownvalue.StringExact("running")),
				},
				Check: gpusFree(s, "h100-sxm5-80gb", 6),
			},
			{
				Config: config(s, sized(16, 64, 300, twoGPUs, "stopped")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(addr, "status", knownvalue.StringExact("Stopped"))},
			},
			{
				// Resizing a stopped machine keeps it stopped; dropping the GPUs makes it CPU-only.
				Config:            config(s, sized(16, 64, 300, "", "stopped")),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(addr, "gpu_model", knownvalue.Null()), acctest.Value(addr, "gpu_count", knownvalue.Null()), acctest.Value(addr, "status", knownvalue.StringExact("Stopped"))},
				Check:             gpusFree(s, "h100-sxm5-80gb", 8),
			},
			{
				Config:            config(s, sized(16, 64, 300, "", "running")),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(addr, "status", knownvalue.StringExact("running"))},
			},
			{
				ResourceName: addr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"image", "hostnode_id", "ssh_key_id", "port_forwards", "cloud_init", "use_dedicated_ip", "timeouts"},
			},
			{
				// After an import, the configuration fills in what TensorDock never reports: no replacement.
				Config: config(s, sized(16, 64, 300, "", "running")), ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
			},
		},
	})
}

func gpusFree(s *acctest.Sim, model string, want int) func(*terraform.State) error {
	return func(*terraform.State) error {
		if n := s.TensorDock.FreeGPUs(nyH100, model); n != want {
			return fmt.Errorf("hostnode stock: want %d free %s, found %d", want, model, n)
		}
		return nil
	}
}

func TestAccInstance_cpuOnlyByLocationAndDrift(t *testing.T) {
	s := acctest.StartSim(t)
	var id string
	cfg := s.Config(fmt.Sprintf(`
resource "gpucloud_tensordock_instance" "test" {
  name             = "cpu-box"
  image            = "debian12"
  location_id      = %q
  vcpu_count       = 4
  ram_gb           = 8
  storage_gb       = 100
  use_dedicated_ip = true
  ssh_public_key   = %q
}
`, berlinID, acctest.SSHKeyEd25519+"\n"))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(addr, "gpu_model", knownvalue.Null()), acctest.Value(addr, "gpu_count", knownvalue.Null()),
					acctest.Value(addr, "assigned_port_forwards", knownvalue.ListSizeExact(0)),
				},
				Check: func(st *terraform.State) error { return acctest.CaptureAttr(addr, "id", &id)(st) },
			},
			{
				PreConfig: func() { s.TensorDock.StopInstance(id) },
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
				}},
			},
			{
				PreConfig: func() { s.TensorDock.DeleteInstance(id) },
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

func TestAccInstance_staleStockFailsWithTheCloudsMessage(t *testing.T) {
	s := acctest.StartSim(t)
	s.TensorDock.UpdateSwitches(func(sw *simtd.Switches) { sw.StaleStock, sw.ErrorsAs200 = true, true })
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{{
			Config: s.Config(fmt.Sprintf(`
data "gpucloud_tensordock_locations" "all" {}
resource "gpucloud_tensordock_instance" "test" {
  name           = "hopeful"
  image          = "ubuntu2404"
  location_id    = %q
  vcpu_count     = 8
  ram_gb         = 32
  storage_gb     = 200
  gpu_model      = "h100-sxm5-80gb"
  ssh_public_key = %q
  port_forwards  = [{ internal_port = 22, external_port = 20022 }]
}
`, nyID, acctest.SSHKeyEd25519)),
			ExpectError: regexp.MustCompile(`(?s)Error creating TensorDock instance "hopeful".*No\s+available\s+nodes\s+found.*no\s+capacity`),
		}},
	})
	if n := s.CountObjects("tensordock", "instance"); n != 0 {
		t.Fatalf("a refused create must leave nothing: %d instances", n)
	}
}

func TestAccInstance_lostCreateAnswerIsAdopted(t *testing.T) {
	s := acctest.StartSim(t)
	if _, err := s.AddFault(sim.Fault{Method: "POST", Path: "/tensordock/api/v2/instances", Kind: sim.FaultDropAfter, Count: 1}); err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{{
			Config:            config(s, sized(4, 16, 100, "", "running")),
			ConfigStateChecks: []statecheck.StateCheck{acctest.Value(addr, "status", knownvalue.StringExact("running"))},
			Check:             s.CheckObjectCount("tensordock", "instance", 1, "the lost create must be adopted, not repeated"),
		}},
	})
}

func TestAccInstance_badInput(t *testing.T) {
	s := acctest.StartSim(t)
	cases := map[string]string{
		// Ubuntu without port 22 and without a dedicated IP.
		fmt.Sprintf("hostnode_id = %q\nvcpu_count = 2\nram_gb = 8\nstorage_gb = 100", nyH100):                                                                  `(?s)Ubuntu needs SSH forwarded.*port_forwards`,
		"vcpu_count = 2\nram_gb = 8\nstorage_gb = 100\nuse_dedicated_ip = true":                                                                                `(?s)Missing hostnode_id or location_id.*One of hostnode_id, location_id is needed to create a new instance`,
		fmt.Sprintf("hostnode_id = %q\nvcpu_count = 2\nram_gb = 8\nstorage_gb = 50\nuse_dedicated_ip = true", nyH100):                                          `(?s)storage_gb.*100 or more, in steps of 50`,
		fmt.Sprintf("hostnode_id = %q\nvcpu_count = 2\nram_gb = 8\nstorage_gb = 100\nuse_dedicated_ip = true\ngpu_count = 2", nyH100):                          `(?s)gpu_model.*must be specified`,
		fmt.Sprintf("hostnode_id = %q\nvcpu_count = 2\nram_gb = 8\nstorage_gb = 100\nuse_dedicated_ip = true\npower_state = \"asleep\"", nyH100):               `(?s)power_state.*value must be one of`,
		fmt.Sprintf("hostnode_id = %q\nvcpu_count = 2\nram_gb = 8\nstorage_gb = 100\nport_forwards = [{ internal_port = 22, external_port = 70000 }]", nyH100): `(?s)external_port.*between 1 and 65535`,
	}
	for body, want := range cases {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps:                    []resource.TestStep{{Config: config(s, body), PlanOnly: true, ExpectError: regexp.MustCompile(want)}},
		})
	}
}

// image and the SSH key are optional only for an imported machine, which
// TensorDock does not report them for; a new one without them fails its plan.
func TestAccInstance_createNeedsWhatAnImportMayLack(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: s.Config(fmt.Sprintf(`
resource "gpucloud_tensordock_instance" "test" {
  name             = "td-1"
  hostnode_id      = %q
  vcpu_count       = 2
  ram_gb           = 8
  storage_gb       = 100
  use_dedicated_ip = true
}`, nyH100)),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Missing image.*image is needed to create a new instance.*Missing ssh_key_id or ssh_public_key`),
			},
			{
				Config:      config(s, fmt.Sprintf("hostnode_id = %q\nlocation_id = \"loc\"\nvcpu_count = 2\nram_gb = 8\nstorage_gb = 100\nuse_dedicated_ip = true", nyH100)),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination.*hostnode_id.*location_id`),
			},
		},
	})
	if n := s.CountObjects("tensordock", "instance"); n != 0 {
		t.Fatalf("a refused plan created %d instances", n)
	}
}

func TestAccInstance_resizeStepsArePlanTimeErrors(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: config(s, sized(4, 16, 200, "", "running"))},
			{Config: config(s, sized(5, 16, 200, "", "running")), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)vcpu_count = 5: must be 2 or more, in steps of 2`)},
			{Config: config(s, sized(4, 20, 200, "", "running")), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)ram_gb = 20: must be 8 or more, in steps of 8, or 4`)},
			{Config: config(s, sized(4, 4, 200, "", "running")), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)ram_gb can change from 16 to 4 only to a multiple of 8`)},
			{Config: config(s, sized(4, 16, 150, "", "running")), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)storage_gb can change from 200 to 150 only to a larger multiple of\s+50`)},
			{Config: config(s, sized(4, 16, 200, "", "running")), PlanOnly: true},
		},
	})
}

// What TensorDock's catalogue and documented steps can check fails the
// plan, naming the attribute and what is allowed; a machine on a hostnode
// plans its price.
func TestAccInstance_catalogueCheckedAtPlan(t *testing.T) {
	s := acctest.StartSim(t)
	machine := func(body string) string {
		return s.Config(fmt.Sprintf(`
resource "gpucloud_tensordock_instance" "test" {
  name          = "checked"
  image         = "ubuntu2404"
  port_forwards = [{ internal_port = 22, external_port = 20000 }]
%s
}
`, body))
	}
	onNode := func(extra string) string {
		return machine(fmt.Sprintf("  hostnode_id = %q\n  vcpu_count = 8\n  ram_gb = 32\n  storage_gb = 200\n  gpu_model = \"h100-sxm5-80gb\"\n  ssh_public_key = %q\n%s",
			nyH100, acctest.SSHKeyEd25519, extra))
	}
	key := fmt.Sprintf("  ssh_public_key = %q\n", acctest.SSHKeyEd25519)
	for cfg, want := range map[string]string{
		machine(fmt.Sprintf("  hostnode_id = %q\n  vcpu_count = 8\n  ram_gb = 32\n  storage_gb = 200\n  ssh_public_key = \"ssh-ed25519 !!!notbase64\"", nyH100)): `(?s)Invalid SSH public key`,
		machine(fmt.Sprintf("  hostnode_id = %q\n  vcpu_count = 3\n  ram_gb = 32\n  storage_gb = 200\n%s", nyH100, key)):                                         `(?s)vcpu_count = 3: must be 2 or more, in steps of 2`,
		machine(fmt.Sprintf("  hostnode_id = %q\n  vcpu_count = 8\n  ram_gb = 10\n  storage_gb = 200\n%s", nyH100, key)):                                         `(?s)ram_gb = 10: must be 8 or more, in steps of 8, or 4`,
		machine(fmt.Sprintf("  hostnode_id = %q\n  vcpu_count = 8\n  ram_gb = 32\n  storage_gb = 200\n  gpu_model = \"b200-sxm6-192gb\"\n%s", nyH100, key)):      `(?s)gpu_model.*"b200-sxm6-192gb" is not a GPU model TensorDock offers.*h100-sxm5-80gb`,
		machine(fmt.Sprintf("  hostnode_id = %q\n  vcpu_count = 8\n  ram_gb = 4096\n  storage_gb = 200\n%s", nyH100, key)):                                       `(?s)ram_gb = 4096, but hostnode \S+ has \d+ GB\s+of RAM free`,
		machine("  hostnode_id = \"hn-nowhere\"\n  vcpu_count = 8\n  ram_gb = 32\n  storage_gb = 200\n" + key):                                                   `(?s)hostnode_id.*TensorDock has no hostnode "hn-nowhere"`,
		machine("  location_id = \"nowhere\"\n  vcpu_count = 8\n  ram_gb = 32\n  storage_gb = 200\n" + key):                                                      `(?s)location_id.*"nowhere" is not a TensorDock location`,
		onNode("  max_price_per_hour = 1"): `(?s)max_price_per_hour.*above max_price_per_hour \(1\)`,
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps:                    []resource.TestStep{{Config: cfg, PlanOnly: true, ExpectError: regexp.MustCompile(want)}},
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: onNode(""), PlanOnly: true, ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("price_per_hour"), knownvalue.NotNull()),
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("currency"), knownvalue.StringExact("USD")),
			}},
		}},
	})
	if n := s.Requests("POST /tensordock/api/v2/instances", ""); n != 0 {
		t.Fatalf("bad input must fail before any create; %d were sent", n)
	}
}
