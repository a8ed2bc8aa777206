package e2e

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	simbluelobster "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
	simnova "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/nova"
	simnovitai "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/novitai"
)

// everything is one object of every resource kind of every cloud.
func everything() string {
	return fmt.Sprintf(`
resource "gpucloud_verda_ssh_key" "k" {
  name       = "campaign"
  public_key = %[1]q
}
resource "gpucloud_verda_startup_script" "s" {
  name   = "campaign"
  script = "#!/bin/sh\ntrue\n"
}
resource "gpucloud_verda_volume" "v" {
  name               = "campaign"
  size               = 20
  type               = "NVMe"
  location_code      = "FIN-01"
  delete_permanently = true
}
resource "gpucloud_verda_instance" "i" {
  instance_type      = "CPU.4V.16G"
  image              = "ubuntu-24.04"
  hostname           = "campaign"
  location_code      = "FIN-01"
  ssh_key_ids        = [gpucloud_verda_ssh_key.k.id]
  startup_script_id  = gpucloud_verda_startup_script.s.id
  volumes_on_destroy = "delete_permanently"
}
resource "gpucloud_tensordock_ssh_key" "k" {
  name       = "campaign"
  public_key = %[1]q
}
resource "gpucloud_tensordock_instance" "i" {
  name             = "campaign"
  image            = "debian12"
  hostnode_id      = "4b1e0c5a-0000-4000-8000-0000000000c1"
  vcpu_count       = 2
  ram_gb           = 8
  storage_gb       = 100
  use_dedicated_ip = true
  ssh_key_id       = gpucloud_tensordock_ssh_key.k.id
}
resource "gpucloud_bluelobster_instance" "i" {
  region         = "phl"
  instance_type  = "cpu_8x"
  name           = "campaign"
  ssh_public_key = %[1]q
  template_name  = "UBUNTU-22-04"
}
resource "gpucloud_bluelobster_firewall" "f" {
  instance_id = gpucloud_bluelobster_instance.i.id
  rules       = [{ type = "in", action = "ACCEPT", dport = "22" }]
}
resource "gpucloud_bluelobster_backup_schedule" "b" {
  instance_id = gpucloud_bluelobster_instance.i.id
  frequency   = "daily"
  time_utc    = "04:00"
}
resource "gpucloud_bluelobster_extra_ip" "ip" { instance_id = gpucloud_bluelobster_instance.i.id }
resource "gpucloud_nova_ssh_key" "k" {
  label      = "campaign"
  public_key = %[1]q
}
resource "gpucloud_nova_instance" "i" {
  node          = "vm02"
  gpu_type      = "4090"
  gpu_count     = 1
  storage_gb    = 50
  template_vmid = 100
  ssh_key_id    = gpucloud_nova_ssh_key.k.id
}
resource "gpucloud_novitai_instance" "i" {
  name         = "campaign"
  product_name = "gpu-basic"
  template_id  = "tmpl-ubuntu-2204"
}
`, acctest.SSHKeyEd25519)
}

// ledgerTracked fails when a billed object exists that nothing in state names.
func ledgerTracked(s *acctest.Sim) func(*terraform.State) error {
	return func(st *terraform.State) error {
		var values strings.Builder
		for _, rs := range st.RootModule().Resources {
			values.WriteString(rs.Primary.ID + "\n")
			for _, v := range rs.Primary.Attributes {
				values.WriteString(v + "\n")
			}
		}
		tracked := values.String()
		for _, o := range s.Ledger() {
			if !strings.Contains(tracked, o.ID) {
				return fmt.Errorf("billed %s %s %s (%s) is not in Terraform's state", o.Cloud, o.Kind, o.ID, o.Name)
			}
		}
		return nil
	}
}

// Every resource kind of every cloud under each fault in turn (bursts of 429s
// and 5xx, lost answers, answers slower than the client timeout, failed
// provisioning): the apply either succeeds or fails cleanly, the next clean
// apply converges, and no billed object ever exists outside state.
func TestAccFaultCampaign(t *testing.T) {
	cases := []struct {
		name  string
		fault sim.Fault
		// expectError matches what the faulty apply may report; nil when every fault must be absorbed.
		expectError *regexp.Regexp
		// arrange, when set, misconfigures the clouds instead of or besides the fault; restore undoes it.
		arrange, restore func(*acctest.Sim)
	}{
		{"429 burst", sim.Fault{Path: "*", Kind: sim.FaultStatus, Status: 429, RetryAfter: "0", Count: 60}, nil, nil, nil},
		{"502 burst on reads", sim.Fault{Method: "GET", Path: "*", Kind: sim.FaultStatus, Status: 502, Count: 12}, nil, nil, nil},
		{"lost create answers", sim.Fault{Method: "POST", Path: "*", Kind: sim.FaultDropAfter, Count: 14}, regexp.MustCompile(`no answer`), nil, nil},
		{"503 on creates", sim.Fault{Method: "POST", Path: "*", Kind: sim.FaultStatus, Status: 503, Count: 5}, regexp.MustCompile(`HTTP 503`), nil, nil},
		{"reads slower than the client timeout", sim.Fault{Method: "GET", Path: "*", Kind: sim.FaultLatency, LatencyMS: 1500, Count: 10}, nil, nil, nil},
		{"creates slower than the client timeout", sim.Fault{Method: "POST", Path: "*", Kind: sim.FaultLatency, LatencyMS: 1500, Count: 14}, regexp.MustCompile(`no answer within 1s`), nil, nil},
		{"provisioning fails", sim.Fault{}, regexp.MustCompile(`(?s)ended in\s+state.*tracked in state and marked tainted`), failProvisioning(true), failProvisioning(false)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := acctest.StartSim(t)
			if tc.fault.Kind == sim.FaultLatency {
				s.ProviderSettings = `request_timeout = "1s"`
			}
			faulty := resource.TestStep{
				PreConfig: func() {
					if tc.arrange != nil {
						tc.arrange(s)
					}
					if tc.fault.Kind == "" {
						return
					}
					if _, err := s.AddFault(tc.fault); err != nil {
						t.Fatal(err)
					}
				},
				Config:      s.Config(everything()),
				ExpectError: tc.expectError,
			}
			if tc.expectError == nil {
				faulty.Check = ledgerTracked(s)
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				CheckDestroy:             s.CheckNothingBilled,
				Steps: []resource.TestStep{
					faulty,
					{
						PreConfig: func() {
							for _, f := range s.Faults() {
								if f.Hits == 0 {
									t.Fatalf("fault %s never hit: the campaign tested nothing", f.ID)
								}
							}
							s.ClearFaults()
							if tc.restore != nil {
								tc.restore(s)
							}
						},
						Config: s.Config(everything()),
						Check:  ledgerTracked(s),
					},
					{
						Config: s.Config(everything()),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectEmptyPlan(),
						}},
					},
				},
			})
			if n := s.Requests("GET /_sim/stats", ""); n != 0 {
				t.Fatalf("the campaign must not touch the admin API: %d", n)
			}
		})
	}
}

// failProvisioning makes new machines fail after they were ordered on every
// cloud that can report it: a Blue Lobster launch task, a Nova VM, a novitai instance.
func failProvisioning(fail bool) func(*acctest.Sim) {
	bl, nova, novitai := "", "", ""
	if fail {
		bl, nova, novitai = "FAILED", "failed", "failed"
	}
	return func(s *acctest.Sim) {
		s.BlueLobster.UpdateSwitches(func(sw *simbluelobster.Switches) { sw.LaunchOutcome = bl })
		s.Nova.UpdateSwitches(func(sw *simnova.Switches) { sw.CreateOutcome = nova })
		s.Novitai.UpdateSwitches(func(sw *simnovitai.Switches) { sw.CreateOutcome = novitai })
	}
}
