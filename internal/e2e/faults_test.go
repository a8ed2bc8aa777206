package e2e

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	simbluelobster "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
	simnova "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/nova"
	simnovitai "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/novitai"
	simtensordock "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/tensordock"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
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
resource "gpucloud_verda_secret" "s" {
  name  = "campaign"
  value = "campaign-secret"
}
resource "gpucloud_verda_container_deployment" "d" {
  name       = "campaign"
  containers = [{ image = "ghcr.io/acme/campaign:1.0", exposed_port = 8080, env = [{ name = "S", secret = gpucloud_verda_secret.s.name }] }]
  compute    = { name = "General Compute", size = 1 }
  scaling    = { min_replicas = 1, max_replicas = 1 }
}
resource "gpucloud_verda_serverless_job" "j" {
  name       = "campaign"
  containers = [{ image = "ghcr.io/acme/campaign-job:1.0", exposed_port = 8080 }]
  compute    = { name = "General Compute", size = 1 }
  scaling    = { max_replicas = 1, deadline_seconds = 600 }
}
resource "gpucloud_verda_file_secret" "f" {
  name  = "campaign-files"
  files = { "a.txt" = base64encode("campaign") }
}
resource "gpucloud_verda_cluster" "c" {
  cluster_type             = "16H200"
  image                    = "ubuntu-22.04-cuda-12.4-cluster"
  hostname                 = "campaign-cluster"
  description              = "campaign"
  location_code            = "FIN-01"
  shared_volume            = { name = "campaign-home", size = 100 }
  shared_volume_on_destroy = "delete"
}
resource "gpucloud_verda_container_registry_credentials" "r" {
  name            = "campaign"
  type            = "dockerhub"
  username        = "campaign"
  %[2]s
}
resource "gpucloud_verda_volume" "copy" {
  name               = "campaign-copy"
  size               = 20
  type               = "NVMe"
  location_code      = "FIN-01"
  source_volume_id   = gpucloud_verda_volume.v.id
  delete_permanently = true
}
resource "gpucloud_verda_instance" "i" {
  instance_type      = "CPU.4V.16G"
  image              = "ubuntu-24.04"
  hostname           = "campaign"
  location_code      = "FIN-01"
  tags               = { campaign = "faults" }
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
resource "gpucloud_bluelobster_backup" "bk" {
  instance_id = gpucloud_bluelobster_instance.i.id
  notes       = "campaign"
}
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
# On Verda: a create fault it takes instead of the Blue Lobster instance would
# let that instance's backup meet the fault and wait out a lost answer.
resource "gpucloud_gpu_instance" "g" {
  name           = "campaign-gpu"
  gpu_models     = ["H100-80GB"]
  clouds         = ["verda"]
  ssh_public_key = %[1]q
  max_attempts   = 2
}
`, acctest.SSHKeyEd25519, acctest.SecretArgument("access_token", "campaign-token", "secrets_wo_version"))
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
// provisioning, creates that outlast their timeout): the apply either succeeds or fails cleanly, the next clean
// apply converges, and no billed object ever exists outside state.
func TestAccFaultCampaign(t *testing.T) {
	cases := []struct {
		name   string
		faults []sim.Fault
		// expectError matches what the faulty apply may report; nil when every fault must be absorbed.
		expectError *regexp.Regexp
		// arrange, when set, misconfigures the clouds instead of or besides the faults; restore undoes it.
		arrange, restore func(*acctest.Sim)
		// config replaces everything for the faulty apply.
		config func() string
	}{
		{"429 burst", one(sim.Fault{Path: "*", Kind: sim.FaultStatus, Status: 429, RetryAfter: "0", Count: 60}), nil, nil, nil, nil},
		{"502 burst on reads", one(sim.Fault{Method: "GET", Path: "*", Kind: sim.FaultStatus, Status: 502, Count: 12}), nil, nil, nil, nil},
		{"reads whose connection drops after they were sent", one(sim.Fault{Method: "GET", Path: "*", Kind: sim.FaultDropAfter, Count: 12}), nil, nil, nil, nil},
		{"lost create answers", onCreates(sim.Fault{Kind: sim.FaultDropAfter, Count: 1}), nil, nil, nil, nil},
		{"unreadable create answers", onCreates(sim.Fault{Kind: sim.FaultGarble, Count: 1}), nil, nil, nil, nil},
		{"503 on creates", onCreates(sim.Fault{Kind: sim.FaultStatus, Status: 503, Count: 1}), regexp.MustCompile(`HTTP\s+503`), nil, nil, nil},
		{"reads slower than the client timeout", one(sim.Fault{Method: "GET", Path: "*", Kind: sim.FaultLatency, LatencyMS: 1500, Count: 10}), nil, nil, nil, nil},
		{"creates slower than the client timeout", onCreates(sim.Fault{Kind: sim.FaultLatency, LatencyMS: 1500, Count: 1}), nil, nil, nil, nil},
		{"IDs sent as JSON numbers", nil, nil, numericIDs(true), numericIDs(false), nil},
		{"provisioning fails", nil, regexp.MustCompile(`(?s)ended\s+in\s+state.*tracked\s+in\s+state\s+and\s+marked\s+tainted`), failProvisioning(true), failProvisioning(false), nil},
		{"creates time out", nil, regexp.MustCompile(`(?s)timed\s+out\s+after\s+1s.*marked\s+tainted`), slowProvisioning(true), slowProvisioning(false), everythingWithCreateTimeouts},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := acctest.StartSim(t)
			for _, f := range tc.faults {
				if f.Kind == sim.FaultLatency {
					s.ProviderSettings = `request_timeout = "1s"`
				}
			}
			faulty := resource.TestStep{
				PreConfig: func() {
					if tc.arrange != nil {
						tc.arrange(s)
					}
					addFaults(t, s, tc.faults...)
				},
				Config:      s.Config(everything()),
				ExpectError: tc.expectError,
			}
			if tc.config != nil {
				faulty.Config = s.Config(tc.config())
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
							// A failing apply may stop before every create; one hit then suffices.
							hits := 0
							for _, f := range s.Faults() {
								if f.Hits == 0 && tc.expectError == nil {
									t.Fatalf("fault %s (%s %s) never hit: the campaign tested nothing", f.ID, f.Method, f.Path)
								}
								hits += f.Hits
							}
							if len(tc.faults) > 0 && hits == 0 {
								t.Fatal("no fault ever hit: the campaign tested nothing")
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

func one(f sim.Fault) []sim.Fault { return []sim.Fault{f} }

// numericIDs gives every cloud's new objects integer IDs sent as JSON
// numbers, or UUIDs again.
func numericIDs(on bool) func(*acctest.Sim) {
	return func(s *acctest.Sim) {
		shapes := func(sh *simcore.Shapes) { sh.IDsAsNumbers = on }
		s.Verda.UpdateSwitches(func(sw *simverda.Switches) { shapes(&sw.Shapes) })
		s.TensorDock.UpdateSwitches(func(sw *simtensordock.Switches) { shapes(&sw.Shapes) })
		s.BlueLobster.UpdateSwitches(func(sw *simbluelobster.Switches) { shapes(&sw.Shapes) })
		s.Nova.UpdateSwitches(func(sw *simnova.Switches) { shapes(&sw.Shapes) })
		s.Novitai.UpdateSwitches(func(sw *simnovitai.Switches) { shapes(&sw.Shapes) })
	}
}

// createPaths are the request paths that create a billed or named object,
// one per resource kind of everything() that creates with a POST, and the
// PUT that clones a Verda volume.
var createPaths = []string{
	"/verda/v1/instances", "/verda/v1/volumes", "PUT /verda/v1/volumes", "/verda/v1/ssh-keys", "/verda/v1/scripts",
	"/verda/v1/secrets", "/verda/v1/container-registry-credentials", "/verda/v1/container-deployments",
	"/verda/v1/job-deployments", "/verda/v1/file-secrets", "/verda/v1/clusters",
	"/tensordock/api/v2/instances", "/tensordock/api/v2/secrets",
	"/bluelobster/api/v1/instances/launch-instance", "/bluelobster/api/v1/instances/*/ips", "/bluelobster/api/v1/instances/*/backup",
	"/nova/vms", "/nova/ssh-keys", "/novitai/api/instances",
}

// onCreates is f on the POST of every create path.
func onCreates(f sim.Fault) []sim.Fault {
	var out []sim.Fault
	for _, p := range createPaths {
		f.Method, f.Path = "POST", p
		if method, path, ok := strings.Cut(p, " "); ok {
			f.Method, f.Path = method, path
		}
		out = append(out, f)
	}
	return out
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

// edit replaces the first from in a configuration with to.
type edit struct{ from, to string }

func edited(c string, edits ...edit) string {
	for _, e := range edits {
		if !strings.Contains(c, e.from) {
			panic("no " + e.from + " in the configuration")
		}
		c = strings.Replace(c, e.from, e.to, 1)
	}
	return c
}

// Lines of everything() that open a block's arguments, one for each kind
// that waits for the cloud, so that arguments can be added after them.
var (
	verdaInstanceLine = `hostname           = "campaign"`
	verdaVolumeLine   = `size               = 20`
	tensordockLine    = `use_dedicated_ip = true`
	bluelobsterLine   = `template_name  = "UBUNTU-22-04"`
	novaLine          = `template_vmid = 100`
	novitaiLine       = `template_id  = "tmpl-ubuntu-2204"`
	gpuInstanceLine   = `max_attempts   = 2`
	machineLines      = []string{verdaInstanceLine, tensordockLine, bluelobsterLine, novaLine, novitaiLine, gpuInstanceLine}
)

// changedEverything is everything with an in-place change to every object
// that has one: machines stopped, the volume grown, the firewall rule and
// backup time moved.
func changedEverything() string {
	edits := []edit{{verdaVolumeLine, `size               = 30`}, {`dport = "22"`, `dport = "2222"`}, {`time_utc    = "04:00"`, `time_utc    = "05:00"`}}
	for _, line := range machineLines {
		edits = append(edits, edit{line, line + "\n  power_state = \"stopped\""})
	}
	return edited(everything(), edits...)
}

// everythingWithCreateTimeouts gives every kind that waits a one-second
// create timeout.
func everythingWithCreateTimeouts() string {
	var edits []edit
	for _, line := range append(machineLines, verdaVolumeLine) {
		edits = append(edits, edit{line, line + "\n  timeouts = { create = \"1s\" }"})
	}
	return edited(everything(), edits...)
}

// slowProvisioning makes every cloud take three seconds to provision when
// on, longer than everythingWithCreateTimeouts allows but short enough for
// the objects to be ready when the next apply replaces them, and restores
// the test simulator's speeds when off.
func slowProvisioning(on bool) func(*acctest.Sim) {
	return func(s *acctest.Sim) {
		if !on {
			s.TestSpeeds()
			return
		}
		slow := simcore.Duration(3 * time.Second)
		s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.ProvisionDelay, sw.ActionDelay = slow, slow })
		s.TensorDock.UpdateSwitches(func(sw *simtensordock.Switches) { sw.StartDelay = slow })
		s.BlueLobster.UpdateSwitches(func(sw *simbluelobster.Switches) { sw.TaskDelay = slow })
		s.Nova.UpdateSwitches(func(sw *simnova.Switches) { sw.BootDelay = slow })
		s.Novitai.UpdateSwitches(func(sw *simnovitai.Switches) { sw.CreatingDelay = slow })
	}
}

// vanishAndChange deletes every machine out of band and renames the Verda
// volume, as a colleague at the console might.
func vanishAndChange(s *acctest.Sim) {
	for _, o := range s.Ledger() {
		switch {
		case o.Cloud == "verda" && o.Kind == "instance":
			s.Verda.DeleteInstance(o.ID)
		case o.Cloud == "verda" && o.Kind == "volume":
			s.Verda.RenameVolume(o.ID, "renamed-at-the-console")
		case o.Cloud == "tensordock" && o.Kind == "instance":
			s.TensorDock.DeleteInstance(o.ID)
		case o.Cloud == "bluelobster" && o.Kind == "instance":
			s.BlueLobster.DeleteInstance(o.ID)
		case o.Cloud == "nova" && o.Kind == "instance":
			s.Nova.SetStatus(o.ID, "destroyed")
		case o.Cloud == "novitai" && o.Kind == "instance":
			s.Novitai.SetStatus(o.ID, "terminated")
		}
	}
}

// Every object planned for an in-place change is deleted or changed out of
// band after the plan, as the apply starts: the apply fails on what is gone
// without touching anything else, the next apply recreates it, and no
// billed object is ever outside state.
func TestAccOutOfBandBetweenPlanAndApply(t *testing.T) {
	s := acctest.StartSim(t)
	fired := false
	firstWrite := func(r *http.Request) bool {
		return r.Method != http.MethodGet && !strings.Contains(r.URL.Path, "/oauth2/") && !strings.Contains(r.URL.Path, "/auth/")
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{Config: s.Config(everything()), Check: ledgerTracked(s)},
			{
				PreConfig:   func() { s.OnRequest(firstWrite, func() { fired = true; vanishAndChange(s) }) },
				Config:      s.Config(changedEverything()),
				ExpectError: regexp.MustCompile(`(?i)not\s+found|that\s+is\s+destroyed|that\s+is\s+terminated`),
			},
			{
				PreConfig: func() {
					if !fired {
						t.Fatal("nothing was changed out of band: the case tested nothing")
					}
				},
				Config: s.Config(changedEverything()),
				Check: resource.ComposeAggregateTestCheckFunc(
					ledgerTracked(s),
					s.CheckObjectCount("verda", "instance", 2, "the deleted instances (gpucloud_verda_instance's and gpucloud_gpu_instance's) are created again"),
					s.CheckObjectCount("bluelobster", "extra_ip", 1, "the extra IP follows its new instance"),
				),
			},
			{
				Config: s.Config(changedEverything()),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
		},
	})
}

// addFaults injects faults.
func addFaults(t *testing.T, s *acctest.Sim, faults ...sim.Fault) {
	t.Helper()
	for _, f := range faults {
		if _, err := s.AddFault(f); err != nil {
			t.Fatal(err)
		}
	}
}

// everyFaultHit fails when an injected fault never hit, then clears them.
func everyFaultHit(t *testing.T, s *acctest.Sim) {
	t.Helper()
	for _, f := range s.Faults() {
		if f.Hits == 0 {
			t.Fatalf("fault %s (%s %s) never hit: the step tested nothing", f.ID, f.Method, f.Path)
		}
	}
	s.ClearFaults()
}

// Bursts of 5xx on the paths that change and delete objects: PUTs and
// DELETEs are sent again and absorbed; a POST action (stop) that may have
// acted is reported, not repeated, and the next apply finishes the job;
// destroy under the same bursts leaves nothing billed.
func TestAccServerErrorsDuringUpdateAndDestroy(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{Config: s.Config(everything()), Check: ledgerTracked(s)},
			{
				PreConfig: func() {
					addFaults(t, s,
						sim.Fault{Method: "PUT", Path: "*", Kind: sim.FaultStatus, Status: 502, Count: 4},
						sim.Fault{Method: "POST", Path: "*/stop", Kind: sim.FaultStatus, Status: 503, Count: 1})
				},
				Config:      s.Config(changedEverything()),
				ExpectError: regexp.MustCompile(`HTTP\s+503`),
			},
			{
				PreConfig: func() { everyFaultHit(t, s) },
				Config:    s.Config(changedEverything()),
				Check:     ledgerTracked(s),
			},
			{
				PreConfig: func() {
					addFaults(t, s,
						sim.Fault{Method: "DELETE", Path: "*", Kind: sim.FaultStatus, Status: 502, Count: 4},
						sim.Fault{Method: "PUT", Path: "*", Kind: sim.FaultStatus, Status: 500, Count: 2})
				},
				Config:  s.Config(changedEverything()),
				Destroy: true,
				Check: func(*terraform.State) error {
					everyFaultHit(t, s)
					return s.CheckNothingBilled(nil)
				},
			},
		},
	})
}
