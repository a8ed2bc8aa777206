package verda_test

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
	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

const clusterAddr = "gpucloud_verda_cluster.train"

func clusterHCL(typ, location, onDestroy, tags string) string {
	return fmt.Sprintf(`
resource "gpucloud_verda_ssh_key" "k" {
  name       = "cluster"
  public_key = %q
}
resource "gpucloud_verda_cluster" "train" {
  cluster_type             = %q
  image                    = "ubuntu-22.04-cuda-12.4-cluster"
  hostname                 = "train"
  description              = "training cluster"
  location_code            = %q
  shared_volume            = { name = "train-home", size = 500 }
  ssh_key_ids              = [gpucloud_verda_ssh_key.k.id]
  shared_volume_on_destroy = %q
  tags                     = %s
}
`, acctest.SSHKeyEd25519, typ, location, onDestroy, tags)
}

// A cluster waits until it runs, with its worker nodes and shared volume;
// its tags change in place; it imports by ID; and destroying it with the
// shared volume kept leaves exactly that volume in the ledger.
func TestAccCluster_lifecycleKeepsTheSharedVolume(t *testing.T) {
	s := acctest.StartSim(t)
	var volumeID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: s.Config(clusterHCL("16H200", "FIN-01", "keep", `{ team = "ml" }`)),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(clusterAddr, "status", knownvalue.StringExact("running")),
					acctest.Value(clusterAddr, "ip", knownvalue.NotNull()),
					acctest.Value(clusterAddr, "worker_nodes", knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue(clusterAddr, tfjsonpath.New("shared_volumes").AtSliceIndex(0).AtMapKey("mount_point"), knownvalue.StringExact("/home")),
				},
				Check: func(st *terraform.State) error {
					volumeID = st.RootModule().Resources[clusterAddr].Primary.Attributes["shared_volumes.0.id"]
					return nil
				},
			},
			{
				Config:            s.Config(clusterHCL("16H200", "FIN-01", "keep", `{ team = "vision" }`)),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(clusterAddr, plancheck.ResourceActionUpdate)}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(clusterAddr, "tags", knownvalue.MapExact(map[string]knownvalue.Check{"team": knownvalue.StringExact("vision")}))},
			},
			{ResourceName: clusterAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"timeouts", "shared_volume_on_destroy", "existing_volume_ids"}},
			{
				Config: s.Config(`
resource "gpucloud_verda_ssh_key" "k" {
  name       = "cluster"
  public_key = "` + acctest.SSHKeyEd25519 + `"
}`),
				Check: func(*terraform.State) error {
					var billed []string
					for _, o := range s.Ledger() {
						if o.Kind != "ssh_key" {
							billed = append(billed, o.Kind+" "+o.ID)
						}
					}
					if len(billed) != 1 || billed[0] != "volume "+volumeID {
						return fmt.Errorf("want exactly the kept shared volume %s billed, got %v", volumeID, billed)
					}
					return nil
				},
			},
		},
	})
}

// With shared_volume_on_destroy = "delete", destroy leaves nothing; a type
// that cannot deploy in the location, and an unknown type, fail the plan.
func TestAccCluster_deleteTheSharedVolumeAndBadInput(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{Config: s.Config(clusterHCL("32B200", "FIN-01", "delete", "{}")), PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)location_code.*cannot deploy in "FIN-01" now; it can in: \[FIN-03\]`)},
			{Config: s.Config(clusterHCL("64X999", "FIN-01", "delete", "{}")), PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)cluster_type.*"64X999" is not a Verda cluster type`)},
			{Config: s.Config(clusterHCL("16H200", "FIN-01", "maybe", "{}")), PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)shared_volume_on_destroy.*value must be one of`)},
			{Config: s.Config(clusterHCL("16H200", "FIN-01", "delete", "{}"))},
		},
	})
}

// A cluster that ends in no_capacity fails its create, stays tracked and
// tainted, and the next apply replaces it; nothing is left billed but what
// the destroy choice keeps.
func TestAccCluster_failedProvisioningIsTaintedAndReplaced(t *testing.T) {
	s := acctest.StartSim(t)
	cfg := s.Config(clusterHCL("16H200", "FIN-01", "delete", "{}"))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.DeployOutcome = "no_capacity" }) },
				Config:      cfg,
				ExpectError: regexp.MustCompile(`(?s)ended\s+in\s+state\s+"no_capacity"`),
			},
			{
				PreConfig:         func() { s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.DeployOutcome = "" }) },
				Config:            cfg,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(clusterAddr, plancheck.ResourceActionDestroyBeforeCreate)}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(clusterAddr, "status", knownvalue.StringExact("running"))},
			},
		},
	})
}

// A cluster not running when its create times out stays tracked, tainted,
// and the next apply replaces it; one discontinued in the console is made
// again, its shared volume left as the console leaves it.
func TestAccCluster_timedOutCreateAndDrift(t *testing.T) {
	s := acctest.StartSim(t)
	cfg := s.Config(clusterHCL("16H200", "FIN-01", "delete", "{}"))
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.ProvisionDelay = simcore.Duration(5 * time.Second) })
				},
				Config:      s.Config(regexp.MustCompile(`shared_volume_on_destroy`).ReplaceAllString(clusterHCL("16H200", "FIN-01", "delete", "{}"), "timeouts = { create = \"1s\" }\n  shared_volume_on_destroy")),
				ExpectError: regexp.MustCompile(`(?s)timed\s+out`),
			},
			{
				PreConfig:        func() { s.TestSpeeds() },
				Config:           cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(clusterAddr, plancheck.ResourceActionDestroyBeforeCreate)}},
				Check:            acctest.CaptureAttr(clusterAddr, "id", &id),
			},
			{
				PreConfig: func() {
					if !s.Verda.DiscontinueClusterNow(id) {
						t.Fatal("no cluster to discontinue")
					}
				},
				Config:           cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(clusterAddr, plancheck.ResourceActionCreate)}},
			},
		},
		CheckDestroy: func(*terraform.State) error {
			var clusters, volumes int
			for _, o := range s.Ledger() {
				switch o.Kind {
				case "cluster":
					clusters++
				case "volume":
					volumes++
				}
			}
			if clusters != 0 || volumes != 1 {
				return fmt.Errorf("want no cluster and only the volume the console left, got %d clusters and %d volumes: %v", clusters, volumes, s.Ledger())
			}
			return nil
		},
	})
}
