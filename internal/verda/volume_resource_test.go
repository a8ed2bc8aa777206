package verda_test

import (
	"fmt"
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
)

const volumeAddr = "gpucloud_verda_volume.test"

func volumeConfig(s *acctest.Sim, name string, size int, typ, extra string) string {
	return s.Config(fmt.Sprintf(`
resource "gpucloud_verda_volume" "test" {
  name          = %q
  size          = %d
  type          = %q
  location_code = "FIN-01"
%s
}
`, name, size, typ, extra))
}

func TestAccVolume_lifecycle(t *testing.T) {
	s := acctest.StartSim(t)
	permanent := `  delete_permanently = true`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: volumeConfig(s, "data", 100, "NVMe", permanent),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(volumeAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(volumeAddr, "status", knownvalue.StringExact("detached")),
					acctest.Value(volumeAddr, "monthly_price", knownvalue.Float64Exact(20)),
					acctest.Value(volumeAddr, "instance_ids", knownvalue.SetSizeExact(0)),
					acctest.Value(volumeAddr, "is_os_volume", knownvalue.Bool(false)),
					acctest.Value(volumeAddr, "mount_command", knownvalue.StringRegexp(regexp.MustCompile(`^mount -t nfs`))),
				},
			},
			{
				// Rename and grow: in place.
				Config: volumeConfig(s, "data-renamed", 150, "NVMe", permanent),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(volumeAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(volumeAddr, "name", knownvalue.StringExact("data-renamed")),
					acctest.Value(volumeAddr, "size", knownvalue.Int64Exact(150)),
					acctest.Value(volumeAddr, "monthly_price", knownvalue.Float64Exact(30)),
				},
			},
			{
				Config:      volumeConfig(s, "data-renamed", 120, "NVMe", permanent),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Verda volumes cannot shrink.*150 GB.*120 GB`),
			},
			{
				// delete_permanently and timeouts live only in the configuration.
				ResourceName: volumeAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"timeouts", "delete_permanently"},
			},
			{
				Config: volumeConfig(s, "data-renamed", 150, "HDD", permanent),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(volumeAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(volumeAddr, "monthly_price", knownvalue.Float64Exact(7.5))},
				Check:             s.CheckObjectCount("verda", "volume", 1, "delete_permanently must remove the old volume"),
			},
		},
	})
}

func TestAccVolume_attachAndDetach(t *testing.T) {
	s := acctest.StartSim(t)
	config := func(power, attach string) string {
		return s.Config(fmt.Sprintf(`
resource "gpucloud_verda_instance" "i" {
  instance_type = "CPU.4V.16G"
  image         = "ubuntu-24.04"
  hostname      = "host"
  location_code = "FIN-01"
  power_state   = %q
}
resource "gpucloud_verda_volume" "test" {
  name          = "scratch"
  size          = 50
  type          = "NVMe"
  location_code = "FIN-01"
  instance_ids  = %s
}
`, power, attach))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{
				Config: config("stopped", "[gpucloud_verda_instance.i.id]"),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(volumeAddr, "status", knownvalue.StringExact("attached")),
					statecheck.CompareValueCollection(volumeAddr, []tfjsonpath.Path{tfjsonpath.New("instance_ids")},
						"gpucloud_verda_instance.i", tfjsonpath.New("id"), compare.ValuesSame()),
				},
			},
			{
				// The instance's volume list follows on the next refresh.
				Config: config("stopped", "[gpucloud_verda_instance.i.id]"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("gpucloud_verda_instance.i", tfjsonpath.New("volume_ids"), knownvalue.ListSizeExact(2)),
				},
			},
			{
				Config: config("stopped", "[]"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(volumeAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(volumeAddr, "status", knownvalue.StringExact("detached")),
					acctest.Value(volumeAddr, "instance_ids", knownvalue.SetSizeExact(0)),
				},
			},
			{
				Config: config("running", "[]"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("gpucloud_verda_instance.i", tfjsonpath.New("status"), knownvalue.StringExact("running")),
				},
			},
			{
				// Verda refuses to attach to a running instance: the plan warns, apply fails with Verda's reason.
				Config:      config("running", "[gpucloud_verda_instance.i.id]"),
				ExpectError: regexp.MustCompile(`(?s)Error attaching Verda volume "scratch".*not\s+shut\s+down`),
			},
			{
				Config: config("running", "[]"),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(volumeAddr, "status", knownvalue.StringExact("detached")),
				},
			},
		},
	})
}

// A shared filesystem attaches to two instances and is taken off one in
// place, staying attached to the other; a block volume asked to attach to
// two fails the plan naming instance_ids.
func TestAccVolume_sharedFilesystemAttachesToSeveral(t *testing.T) {
	s := acctest.StartSim(t)
	config := func(typ, attach string) string {
		return s.Config(fmt.Sprintf(`
resource "gpucloud_verda_instance" "a" {
  instance_type = "CPU.4V.16G"
  image         = "ubuntu-24.04"
  hostname      = "node-a"
  location_code = "FIN-01"
  power_state   = "stopped"
}
resource "gpucloud_verda_instance" "b" {
  instance_type = "CPU.4V.16G"
  image         = "ubuntu-24.04"
  hostname      = "node-b"
  location_code = "FIN-01"
  power_state   = "stopped"
}
resource "gpucloud_verda_volume" "test" {
  name          = "datasets"
  size          = 100
  type          = %q
  location_code = "FIN-01"
  instance_ids  = %s
}
`, typ, attach))
	}
	both := "[gpucloud_verda_instance.a.id, gpucloud_verda_instance.b.id]"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{
				Config:      config("NVMe", both),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)instance_ids.*names 2 instances, but type = "NVMe" attaches to one`),
			},
			{
				Config: config("NVMe_Shared", both),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(volumeAddr, "instance_ids", knownvalue.SetSizeExact(2)),
					acctest.Value(volumeAddr, "status", knownvalue.StringExact("attached")),
					acctest.Value(volumeAddr, "filesystem_to_fstab_command", knownvalue.StringRegexp(regexp.MustCompile(`/etc/fstab`))),
					acctest.Value(volumeAddr, "create_directory_command", knownvalue.StringRegexp(regexp.MustCompile(`^mkdir `))),
				},
			},
			{
				Config: config("NVMe_Shared", "[gpucloud_verda_instance.a.id]"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(volumeAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(volumeAddr, "status", knownvalue.StringExact("attached")),
					statecheck.CompareValueCollection(volumeAddr, []tfjsonpath.Path{tfjsonpath.New("instance_ids")},
						"gpucloud_verda_instance.a", tfjsonpath.New("id"), compare.ValuesSame()),
					acctest.Value(volumeAddr, "instance_ids", knownvalue.SetSizeExact(1)),
				},
			},
			{
				Config:           config("NVMe_Shared", "[gpucloud_verda_instance.a.id]"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// A clone starts as a copy of its source, grows to the size asked for and
// is a volume of its own; a clone smaller than its source, or of a volume
// that does not exist, fails the plan naming the attribute.
func TestAccVolume_cloneOfAnotherVolume(t *testing.T) {
	s := acctest.StartSim(t)
	config := func(source string, size int) string {
		return s.Config(fmt.Sprintf(`
resource "gpucloud_verda_volume" "source" {
  name          = "golden"
  size          = 20
  type          = "NVMe"
  location_code = "FIN-01"
}
resource "gpucloud_verda_volume" "test" {
  name             = "golden-copy"
  size             = %d
  type             = "NVMe"
  location_code    = "FIN-01"
  source_volume_id = %s
}
`, size, source))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{
				Config:      config(`"00000000-0000-4000-8000-000000000000"`, 30),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)source_volume_id.*has\s+no\s+volume\s+with\s+this\s+ID`),
			},
			{Config: s.Config(`
resource "gpucloud_verda_volume" "source" {
  name          = "golden"
  size          = 20
  type          = "NVMe"
  location_code = "FIN-01"
}`)},
			{
				Config:      config("gpucloud_verda_volume.source.id", 10),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)size\s+=\s+10:\s+a\s+clone\s+of\s+volume\s+"golden"\s+is\s+at\s+least\s+its\s+20\s+GB`),
			},
			{
				Config: config("gpucloud_verda_volume.source.id", 30),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(volumeAddr, "size", knownvalue.Int64Exact(30)),
					acctest.Value(volumeAddr, "status", knownvalue.StringExact("detached")),
					acctest.Value(volumeAddr, "name", knownvalue.StringExact("golden-copy")),
					statecheck.CompareValuePairs(volumeAddr, tfjsonpath.New("source_volume_id"), "gpucloud_verda_volume.source", tfjsonpath.New("id"), compare.ValuesSame()),
				},
				Check: s.CheckObjectCount("verda", "volume", 2, "the source and its clone"),
			},
			{
				Config:           config("gpucloud_verda_volume.source.id", 30),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
	if n := s.Requests("PUT /verda/v1/volumes", ""); n < 2 {
		t.Fatalf("the clone and its resize go through PUT /volumes; %d were sent", n)
	}
}

func TestAccVolume_drift(t *testing.T) {
	s := acctest.StartSim(t)
	var id string
	config := volumeConfig(s, "drift", 60, "HDD", "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{Config: config, Check: acctest.CaptureAttr(volumeAddr, "id", &id)},
			{
				PreConfig: func() { s.Verda.RenameVolume(id, "renamed-in-console") },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(volumeAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(volumeAddr, tfjsonpath.New("name"), knownvalue.StringExact("drift")),
				}},
			},
			{
				// Moved to the trash in the console: gone as far as Terraform is concerned.
				PreConfig: func() {
					if !s.Verda.TrashVolume(id) {
						t.Fatal("volume not in the simulator")
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(volumeAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

func TestAccVolume_lostCreateAnswerIsAdopted(t *testing.T) {
	s := acctest.StartSim(t)
	if _, err := s.AddFault(sim.Fault{Method: "POST", Path: "/verda/v1/volumes", Kind: sim.FaultDropAfter, Count: 1}); err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{{
			Config:            volumeConfig(s, "lost", 10, "NVMe", ""),
			ConfigStateChecks: []statecheck.StateCheck{acctest.Value(volumeAddr, "status", knownvalue.StringExact("detached"))},
			Check: func(*terraform.State) error {
				if n := s.CountObjects("verda", "volume"); n != 1 || s.Requests("POST /verda/v1/volumes", "") != 1 {
					return fmt.Errorf("want one volume from one create, found %d volumes", n)
				}
				return nil
			},
		}},
	})
}

// A size no volume can have and a location Verda does not have fail the
// plan, naming the attribute.
func TestAccVolume_badInput(t *testing.T) {
	s := acctest.StartSim(t)
	for cfg, want := range map[string]string{
		volumeConfig(s, "huge", 99999999999999, "NVMe", ""):                                 `(?s)size value must be between 1 and 1000000`,
		strings.Replace(volumeConfig(s, "lost", 10, "NVMe", ""), `"FIN-01"`, `"FIN-09"`, 1): `(?s)location_code.*"FIN-09" is not a Verda location`,
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps:                    []resource.TestStep{{Config: cfg, PlanOnly: true, ExpectError: regexp.MustCompile(want)}},
		})
	}
	if n := s.Requests("POST /verda/v1/volumes", ""); n != 0 {
		t.Fatalf("bad input must fail before any create; %d were sent", n)
	}
}

// A volume's tags are sent with its create and changed in place.
func TestAccVolume_tagsChangeInPlace(t *testing.T) {
	s := acctest.StartSim(t)
	config := func(tags string) string {
		return s.Config(`
resource "gpucloud_verda_volume" "test" {
  name          = "tagged"
  size          = 10
  type          = "NVMe"
  location_code = "FIN-01"
  tags          = ` + tags + `
}`)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{
				Config:            config(`{ dataset = "imagenet" }`),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(volumeAddr, "tags", knownvalue.MapExact(map[string]knownvalue.Check{"dataset": knownvalue.StringExact("imagenet")}))},
			},
			{
				Config:            config(`{ dataset = "coco" }`),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(volumeAddr, plancheck.ResourceActionUpdate)}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(volumeAddr, "tags", knownvalue.MapExact(map[string]knownvalue.Check{"dataset": knownvalue.StringExact("coco")}))},
			},
		},
	})
}
