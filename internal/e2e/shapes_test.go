package e2e

import (
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	simbluelobster "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
	simnova "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/nova"
	simnovitai "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/novitai"
	simtensordock "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/tensordock"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

// everyDataSource reads every data source of every cloud, several of them
// about the objects of everything().
const everyDataSource = `
data "gpucloud_verda_locations" "all" {}
data "gpucloud_verda_images" "all" {}
data "gpucloud_verda_volume_types" "all" {}
data "gpucloud_verda_instance_types" "all" {}
data "gpucloud_verda_instance" "i" { id = gpucloud_verda_instance.i.id }
data "gpucloud_verda_volumes" "all" { depends_on = [gpucloud_verda_volume.v] }
data "gpucloud_tensordock_hostnodes" "all" {}
data "gpucloud_tensordock_hostnode" "one" { id = "4b1e0c5a-0000-4000-8000-0000000000c1" }
data "gpucloud_tensordock_locations" "all" {}
data "gpucloud_bluelobster_instance_types" "all" {}
data "gpucloud_bluelobster_images" "all" {}
data "gpucloud_bluelobster_backups" "i" { instance_id = gpucloud_bluelobster_instance.i.id }
data "gpucloud_bluelobster_backups" "all" { depends_on = [gpucloud_bluelobster_backup.bk] }
data "gpucloud_bluelobster_instances" "all" { depends_on = [gpucloud_bluelobster_instance.i] }
data "gpucloud_bluelobster_teams" "all" { depends_on = [gpucloud_bluelobster_instance.i] }
data "gpucloud_verda_instances" "all" { depends_on = [gpucloud_verda_instance.i] }
data "gpucloud_verda_balance" "b" {}
data "gpucloud_verda_container_types" "all" {}
data "gpucloud_verda_serverless_compute" "all" {}
data "gpucloud_verda_cluster_types" "all" {}
data "gpucloud_verda_cluster_images" "all" {}
data "gpucloud_verda_long_term_periods" "all" {}
data "gpucloud_verda_ssh_key" "k" { id = gpucloud_verda_ssh_key.k.id }
data "gpucloud_verda_startup_script" "s" { name = gpucloud_verda_startup_script.s.name }
data "gpucloud_tensordock_instances" "all" { depends_on = [gpucloud_tensordock_instance.i] }
data "gpucloud_tensordock_ssh_key" "k" { name = gpucloud_tensordock_ssh_key.k.name }
data "gpucloud_nova_instances" "all" { depends_on = [gpucloud_nova_instance.i] }
data "gpucloud_nova_billing" "now" {}
data "gpucloud_nova_ssh_key" "k" { id = gpucloud_nova_ssh_key.k.id }
data "gpucloud_nova_offers" "all" {}
data "gpucloud_nova_pricing" "all" {}
data "gpucloud_nova_images" "all" {}
data "gpucloud_novitai_instance" "i" { id = gpucloud_novitai_instance.i.id }
data "gpucloud_novitai_instances" "all" { depends_on = [gpucloud_novitai_instance.i] }
data "gpucloud_gpu_offers" "all" {}
`

// shapes switches one answer variant on or off on every cloud.
func shapes(set func(*simcore.Shapes, bool)) func(*acctest.Sim, bool) {
	return func(s *acctest.Sim, on bool) {
		s.Verda.UpdateSwitches(func(sw *simverda.Switches) { set(&sw.Shapes, on) })
		s.TensorDock.UpdateSwitches(func(sw *simtensordock.Switches) { set(&sw.Shapes, on) })
		s.BlueLobster.UpdateSwitches(func(sw *simbluelobster.Switches) { set(&sw.Shapes, on) })
		s.Nova.UpdateSwitches(func(sw *simnova.Switches) { set(&sw.Shapes, on) })
		s.Novitai.UpdateSwitches(func(sw *simnovitai.Switches) { set(&sw.Shapes, on) })
	}
}

// Every resource kind and data source of every cloud, with the clouds
// answering in each shape their documents allow: the apply succeeds with no
// inconsistent result and nothing billed outside state, the next plan is
// empty, and destroy leaves nothing billed.
func TestAccShapeCampaign(t *testing.T) {
	variants := []struct {
		name    string
		switch_ func(*acctest.Sim, bool)
	}{
		{"IDs as JSON numbers", shapes(func(sh *simcore.Shapes, on bool) { sh.IDsAsNumbers = on })},
		{"numbers as strings", shapes(func(sh *simcore.Shapes, on bool) { sh.NumbersAsStrings = on })},
		{"unknown extra fields", shapes(func(sh *simcore.Shapes, on bool) { sh.ExtraFields = on })},
		{"optional fields absent", shapes(func(sh *simcore.Shapes, on bool) { sh.OptionalFields = map[bool]string{true: "absent"}[on] })},
		{"optional fields null", shapes(func(sh *simcore.Shapes, on bool) { sh.OptionalFields = map[bool]string{true: "null"}[on] })},
		{"every variant at once", func(s *acctest.Sim, on bool) {
			shapes(func(sh *simcore.Shapes, on bool) {
				sh.IDsAsNumbers, sh.NumbersAsStrings, sh.ExtraFields = on, on, on
				sh.OptionalFields = map[bool]string{true: "null"}[on]
			})(s, on)
		}},
		{"the other envelopes and formats", func(s *acctest.Sim, on bool) {
			s.Verda.UpdateSwitches(func(sw *simverda.Switches) {
				sw.CreatedIDFormat = map[bool]string{true: "json_object", false: "text"}[on]
				sw.SSHKeyGetAsObject, sw.AvailabilityAsStrings, sw.ImageAsID, sw.ObjectsAsIDs = on, on, on, on
			})
			s.TensorDock.UpdateSwitches(func(sw *simtensordock.Switches) { sw.ListAsArray, sw.WrapGet, sw.RemapPorts = on, on, on })
			s.BlueLobster.UpdateSwitches(func(sw *simbluelobster.Switches) {
				sw.PowerStatusNull, sw.DropMetadata, sw.RenameTemplate, sw.OneInstanceAsObject = on, on, on, on
			})
		}},
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			s := acctest.StartSim(t)
			cfg := s.Config(everything() + everyDataSource)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				CheckDestroy:             s.CheckNothingBilled,
				Steps: []resource.TestStep{
					{PreConfig: func() { v.switch_(s, true) }, Config: cfg, Check: ledgerTracked(s)},
					{Config: cfg, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
				},
			})
		})
	}
}

// Answers that are not the cloud's at all, from a proxy in front of it or a
// connection cut short: reads absorb a burst of them; a create that gets
// one fails naming the cloud, the operation, the object and what was wrong.
func TestAccBrokenAnswers(t *testing.T) {
	refusal := regexp.MustCompile(`(?s)Error\s+creating\s+(Verda|TensorDock|Nova\s+Cloud|novitai|Blue\s+Lobster)\s.*HTTP\s+400.*injected\s+fault`)
	cases := []struct {
		name        string
		faults      []sim.Fault
		expectError *regexp.Regexp
		arrange     func(*acctest.Sim)
	}{
		{"proxy pages on reads", one(sim.Fault{Method: http.MethodGet, Path: "*", Kind: sim.FaultHTML, Status: 502, Count: 12}), nil, nil},
		{"truncated reads", one(sim.Fault{Method: http.MethodGet, Path: "*", Kind: sim.FaultTruncate, Count: 12}), nil, nil},
		{"truncated create answers", onCreates(sim.Fault{Kind: sim.FaultTruncate, Count: 1}), nil, nil},
		{"the clouds' refusals in their first error shapes", onCreates(sim.Fault{Kind: sim.FaultStatus, Status: 400, Count: 1}), refusal, nil},
		{"the refusals in Blue Lobster's nested error shape", onCreates(sim.Fault{Kind: sim.FaultStatus, Status: 400, Count: 1}), refusal, func(s *acctest.Sim) {
			s.BlueLobster.UpdateSwitches(func(sw *simbluelobster.Switches) { sw.NestedErrors = true })
		}},
		{"a proxy page instead of the cloud on creates", onCreates(sim.Fault{Kind: sim.FaultHTML, Status: 502, Count: 1}),
			regexp.MustCompile(`(?s)Error\s+creating\s+(Verda|TensorDock|Nova\s+Cloud|novitai|Blue\s+Lobster)\s.*HTTP\s+502:\s+an\s+answer\s+that\s+is\s+not\s+JSON\s+\(text/html\):\s+502\s+Bad\s+Gateway.*create\s+may\s+not\s+have\s+happened`), nil},
		{"a gateway timeout on creates the cloud went on with", onCreates(sim.Fault{Kind: sim.FaultHTML, Status: 504, Acted: true, Count: 1}), nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := acctest.StartSim(t)
			cfg := s.Config(everything())
			faulty := resource.TestStep{PreConfig: func() {
				if tc.arrange != nil {
					tc.arrange(s)
				}
				addFaults(t, s, tc.faults...)
			}, Config: cfg, ExpectError: tc.expectError}
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
							if hits := totalHits(s); hits == 0 {
								t.Fatal("no fault ever hit: the case tested nothing")
							}
							s.ClearFaults()
						},
						Config: cfg,
						Check:  ledgerTracked(s),
					},
					{Config: cfg, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
				},
			})
		})
	}
}

func totalHits(s *acctest.Sim) int {
	n := 0
	for _, f := range s.Faults() {
		n += f.Hits
	}
	return n
}
