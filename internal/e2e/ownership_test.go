package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	tfconfig "github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
)

// namedMachine is one cloud's instance with the name two teams share.
type namedMachine struct {
	cloud, address, createPath, hcl string
	// idAttr holds the cloud's ID of the instance: "id" unless said.
	idAttr string
}

func (m namedMachine) idAttribute() string {
	if m.idAttr != "" {
		return m.idAttr
	}
	return "id"
}

var sharedNameMachines = []namedMachine{
	{"verda", "gpucloud_verda_instance.m", "/verda/v1/instances", `
resource "gpucloud_verda_instance" "m" {
  instance_type      = "CPU.4V.16G"
  image              = "ubuntu-24.04"
  hostname           = "shared"
  location_code      = "FIN-01"
  volumes_on_destroy = "delete_permanently"
  volumes            = [{ name = "shared-data", size = 20, type = "NVMe" }]
}`, ""},
	{"tensordock", "gpucloud_tensordock_instance.m", "/tensordock/api/v2/instances", `
resource "gpucloud_tensordock_instance" "m" {
  name             = "shared"
  image            = "debian12"
  hostnode_id      = "4b1e0c5a-0000-4000-8000-0000000000c1"
  vcpu_count       = 2
  ram_gb           = 8
  storage_gb       = 100
  use_dedicated_ip = true
  ssh_public_key   = "` + acctest.SSHKeyEd25519 + `"
}`, ""},
	{"bluelobster", "gpucloud_bluelobster_instance.m", "/bluelobster/api/v1/instances/launch-instance", `
resource "gpucloud_bluelobster_instance" "m" {
  region         = "phl"
  instance_type  = "cpu_8x"
  name           = "shared"
  ssh_public_key = "` + acctest.SSHKeyEd25519 + `"
  template_name  = "UBUNTU-22-04"
}`, ""},
	{"bluelobster", "gpucloud_gpu_instance.m", "/bluelobster/api/v1/instances/launch-instance", `
resource "gpucloud_gpu_instance" "m" {
  name           = "shared-gpu"
  gpu_models     = ["RTXA4000-16GB"]
  clouds         = ["bluelobster"]
  ssh_public_key = "` + acctest.SSHKeyEd25519 + `"
}`, "instance_id"},
	{"novitai", "gpucloud_novitai_instance.m", "/novitai/api/instances", `
resource "gpucloud_novitai_instance" "m" {
  name         = "shared"
  product_name = "gpu-basic"
  template_id  = "tmpl-ubuntu-2204"
}`, ""},
}

// Two working directories use the same names in one account; the second
// one's create answer is lost, after the cloud acted on it (drop_after) or
// before (drop). Each state ends up holding only the object it made, the
// second destroy never touches the first state's, and after both destroys
// nothing is billed.
func TestAccOwnership_twoStatesSameNames(t *testing.T) {
	for _, m := range sharedNameMachines {
		for _, lost := range []string{sim.FaultDropAfter, sim.FaultDrop} {
			t.Run(m.address+" "+lost, func(t *testing.T) {
				s := acctest.StartSim(t)
				cfg := s.Config(m.hcl)
				var first string
				resource.ParallelTest(t, resource.TestCase{
					ProtoV6ProviderFactories: acctest.ProviderFactories(),
					CheckDestroy:             s.CheckNothingBilled,
					Steps: []resource.TestStep{
						{Config: cfg, Check: acctest.CaptureAttr(m.address, m.idAttribute(), &first)},
						{
							PreConfig: func() { secondState(t, s, m, lost, &first) },
							Config:    cfg,
							ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
								plancheck.ExpectEmptyPlan(),
							}},
							Check: resource.ComposeAggregateTestCheckFunc(
								resource.TestCheckResourceAttrPtr(m.address, m.idAttribute(), &first),
								s.CheckObjectCount(m.cloud, "instance", 1, "the second state's destroy left the first state's instance"),
							),
						},
					},
				})
			})
		}
	}
}

// secondState applies the same configuration in a second working directory
// while the first one's object exists, losing its create's answer, then
// destroys it.
func secondState(t *testing.T, s *acctest.Sim, m namedMachine, lost string, first *string) {
	cfg := s.Config(m.hcl)
	var second string
	made := func(*terraform.State) error {
		if second == *first {
			return fmt.Errorf("the second state took the first state's %s %s", m.cloud, second)
		}
		for _, o := range s.Ledger() {
			if o.Cloud == m.cloud && o.Kind == "instance" && o.ID != *first && o.ID != second {
				return fmt.Errorf("%s instance %s is billed but the second state holds %s", m.cloud, o.ID, second)
			}
		}
		return nil
	}
	faulty := resource.TestStep{
		PreConfig: func() {
			addFaults(t, s, sim.Fault{Method: http.MethodPost, Path: m.createPath, Kind: lost, Count: 1})
		},
		Config: cfg,
		Check:  resource.ComposeAggregateTestCheckFunc(acctest.CaptureAttr(m.address, m.idAttribute(), &second), made),
	}
	if lost == sim.FaultDrop {
		faulty.Check = nil
		faulty.ExpectError = regexp.MustCompile(`create\s+may\s+not\s+have\s+happened;\s+nothing\s+was\s+adopted`)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(*terraform.State) error {
			ledger := s.Ledger()
			for _, o := range ledger {
				if o.Cloud == m.cloud && o.Kind == "instance" && o.ID == *first {
					return nil
				}
			}
			return fmt.Errorf("the second state's destroy deleted the first state's instance %s; billed now: %v", *first, ledger)
		},
		Steps: []resource.TestStep{
			faulty,
			{
				PreConfig: func() { everyFaultHit(t, s) },
				Config:    cfg,
				Check:     resource.ComposeAggregateTestCheckFunc(acctest.CaptureAttr(m.address, m.idAttribute(), &second), made),
			},
			{Config: cfg, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

// Nova VMs have no name: a VM someone else makes on the same node while
// our create's answer is lost is never taken as ours. An identical one
// makes the adoption unprovable: the error lists both with their import
// blocks, and importing ours converges. A different one is no candidate.
func TestAccOwnership_novaForeignVMDuringLostCreate(t *testing.T) {
	const ours = `
resource "gpucloud_nova_ssh_key" "k" {
  label      = "ours"
  public_key = "` + acctest.SSHKeyEd25519 + `"
}
resource "gpucloud_nova_instance" "m" {
  node          = "vm02"
  gpu_type      = "4090"
  gpu_count     = 1
  storage_gb    = 50
  template_vmid = 100
  ssh_key_id    = gpucloud_nova_ssh_key.k.id
}`
	foreign := func(storage int) map[string]any {
		return map[string]any{"node": "vm02", "gpu_type": "4090", "gpu_count": 1, "storage_gb": storage, "template_vmid": 100,
			"auth_method": "password", "password": "someone-elses-password"}
	}
	for _, tc := range []struct {
		name    string
		lost    string
		storage int
		want    *regexp.Regexp
	}{
		{"identical VM, answer lost after the create", sim.FaultDropAfter, 50, regexp.MustCompile(`2\s+new\s+objects\s+match\s+the\s+request,\s+so\s+which\s+one\s+it\s+made\s+cannot\s+be\s+proven`)},
		{"different VM, request lost", sim.FaultDrop, 100, regexp.MustCompile(`create\s+may\s+not\s+have\s+happened;\s+nothing\s+was\s+adopted`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := acctest.StartSim(t)
			var theirs, mine string
			isCreate := func(r *http.Request) bool { return r.Method == http.MethodPost && r.URL.Path == "/nova/vms" }
			steps := []resource.TestStep{{
				PreConfig: func() {
					s.OnRequest(isCreate, func() {
						status, body, err := s.Console("nova", http.MethodPost, "/vms", foreign(tc.storage))
						var vm struct{ ID any }
						if err != nil || status != http.StatusCreated || json.Unmarshal(body, &vm) != nil {
							t.Errorf("the foreign VM: %d %s %v", status, body, err)
						}
						theirs = fmt.Sprint(vm.ID)
					})
					addFaults(t, s, sim.Fault{Method: http.MethodPost, Path: "/nova/vms", Kind: tc.lost, Count: 1})
				},
				Config:      s.Config(ours),
				ExpectError: tc.want,
			}}
			if tc.lost == sim.FaultDropAfter {
				// The error named both; the one that is not the foreign VM is ours to import.
				steps = append(steps, resource.TestStep{
					PreConfig: func() {
						everyFaultHit(t, s)
						for _, o := range s.Ledger() {
							if o.Kind == "instance" && o.ID != theirs {
								mine = o.ID
							}
						}
					},
					Config:           s.Config(ours + "\nvariable \"mine\" { type = string }\nimport {\n  to = gpucloud_nova_instance.m\n  id = var.mine\n}\n"),
					ConfigVariables:  tfconfig.Variables{"mine": lazyString{&mine}},
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{acctest.ExpectNoReplacement()}},
					Check:            resource.TestCheckResourceAttrPtr("gpucloud_nova_instance.m", "id", &mine),
				})
			} else {
				steps = append(steps, resource.TestStep{
					PreConfig: func() { everyFaultHit(t, s) },
					Config:    s.Config(ours),
					Check: func(st *terraform.State) error {
						if got := st.RootModule().Resources["gpucloud_nova_instance.m"].Primary.ID; got == theirs {
							return fmt.Errorf("the foreign VM %s was taken", theirs)
						}
						return nil
					},
				})
			}
			steps = append(steps, resource.TestStep{
				Config:           s.Config(ours),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			})
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				CheckDestroy: func(*terraform.State) error {
					ledger := s.Ledger()
					if len(ledger) != 1 || ledger[0].ID != theirs {
						return fmt.Errorf("after destroy only the foreign VM %s may be billed, found %v", theirs, ledger)
					}
					if status, body, _ := s.Console("nova", http.MethodDelete, "/vms/"+theirs, nil); status >= 300 {
						return fmt.Errorf("deleting the foreign VM: %d %s", status, body)
					}
					return nil
				},
				Steps: steps,
			})
		})
	}
}

// lazyString is a configuration variable read when the step runs, for IDs
// that earlier steps learn.
type lazyString struct{ v *string }

func (l lazyString) MarshalJSON() ([]byte, error) { return json.Marshal(*l.v) }

// Verda keeps tags, so each create carries a token of its own: an identical
// instance someone else makes while our create's answer is lost neither
// hides which one is ours nor is taken. Without the token both are equal
// candidates, none is adopted and ours is billed outside state.
func TestAccOwnership_verdaIdenticalInstanceDuringLostCreate(t *testing.T) {
	const ours = `
resource "gpucloud_verda_instance" "m" {
  instance_type      = "CPU.4V.16G"
  image              = "ubuntu-24.04"
  hostname           = "raced"
  location_code      = "FIN-01"
  volumes_on_destroy = "delete_permanently"
}`
	foreign := map[string]any{"instance_type": "CPU.4V.16G", "image": "ubuntu-24.04", "hostname": "raced", "description": "",
		"location_code": "FIN-01", "os_volume": map[string]any{"name": "theirs-os", "size": 50}}
	s := acctest.StartSim(t)
	var theirs, mine string
	isCreate := func(r *http.Request) bool { return r.Method == http.MethodPost && r.URL.Path == "/verda/v1/instances" }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(*terraform.State) error {
			for _, o := range s.Ledger() {
				if o.ID != theirs && o.Name != "theirs-os" {
					return fmt.Errorf("after destroy only the foreign instance %s and its OS volume may be billed, found %v", theirs, s.Ledger())
				}
			}
			if n := len(s.Ledger()); n != 2 {
				return fmt.Errorf("the foreign instance or its OS volume is gone: %v", s.Ledger())
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					s.OnRequest(isCreate, func() {
						status, body, err := s.Console("verda", http.MethodPost, "/instances", foreign)
						if err != nil || status >= 300 {
							t.Errorf("the foreign instance: %d %s %v", status, body, err)
						}
						theirs = strings.Trim(strings.TrimSpace(string(body)), `"`)
					})
					addFaults(t, s, sim.Fault{Method: http.MethodPost, Path: "/verda/v1/instances", Kind: sim.FaultDropAfter, Count: 1})
				},
				Config: s.Config(ours),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.CaptureAttr("gpucloud_verda_instance.m", "id", &mine),
					func(*terraform.State) error {
						everyFaultHit(t, s)
						if theirs == "" || mine == theirs {
							return fmt.Errorf("the state holds %q, the foreign instance is %q", mine, theirs)
						}
						return s.CheckObjectCount("verda", "instance", 2, "ours and theirs")(nil)
					},
				),
			},
			{
				Config:           s.Config(ours),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}
