package placement_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simbluelobster "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

const gpu = "gpucloud_gpu_instance.g"

// The simulator's H100 hostnodes on TensorDock: Helsinki (the cheapest
// H100 of all, 2.0944 an hour with the vCPUs, RAM and disk its offer
// includes) and New York (2.2444). Blue Lobster's gpu_1x_h100 in phl is
// next at 2.49, Verda's 1H100.80S.22V last at 3.17.
const (
	helsinki = "4b1e0c5a-0000-4000-8000-0000000000b1"
	newYork  = "4b1e0c5a-0000-4000-8000-0000000000a1"
	tdH100   = "h100-sxm5-80gb"
)

func gpuHCL(extra string) string { return gpuHCLOf(`["H100-80GB"]`, extra) }

func gpuHCLOf(models, extra string) string {
	return fmt.Sprintf(`
resource "gpucloud_gpu_instance" "g" {
  name           = "trainer"
  gpu_models     = %s
  ssh_public_key = %q
%s
}
`, models, acctest.SSHKeyEd25519, extra)
}

// exhaustTensorDockH100 makes every TensorDock H100 launch fail for
// capacity, while its catalogue still offers them.
func exhaustTensorDockH100(s *acctest.Sim) {
	s.TensorDock.Capacity.Set(tdH100, helsinki, 0)
	s.TensorDock.Capacity.Set(tdH100, newYork, 0)
}

// instancesBilled lists the billed instances by cloud, sorted.
func instancesBilled(s *acctest.Sim) []string {
	var out []string
	for _, o := range s.Ledger() {
		if o.Kind == "instance" {
			out = append(out, o.Cloud)
		}
	}
	sort.Strings(out)
	return out
}

// billedOnly fails unless the ledger's instances are exactly on clouds.
func billedOnly(s *acctest.Sim, clouds ...string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if got := instancesBilled(s); strings.Join(got, ",") != strings.Join(clouds, ",") {
			return fmt.Errorf("billed instances on %v, want exactly %v", got, clouds)
		}
		return nil
	}
}

// replacedFor checks that the plan replaces address because of attribute.
func replacedFor(address, attribute string) plancheck.PlanCheck {
	return replacePath{address, attribute}
}

type replacePath struct{ address, attribute string }

func (c replacePath) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != c.address {
			continue
		}
		for _, p := range rc.Change.ReplacePaths {
			if steps, ok := p.([]any); ok && len(steps) > 0 && steps[0] == c.attribute {
				return
			}
		}
		resp.Error = fmt.Errorf("%s is not replaced for %s: replace paths %v", c.address, c.attribute, rc.Change.ReplacePaths)
		return
	}
	resp.Error = fmt.Errorf("%s is not in the plan", c.address)
}

func outcomes(want ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(want))
	for i, w := range want {
		checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"outcome": knownvalue.StringRegexp(regexp.MustCompile(w))})
	}
	return knownvalue.ListExact(checks)
}

// The cheapest offer is launched; prices that move later plan nothing; a
// change the placement still meets is in place; one it does not meet
// replaces the machine, and the plan says why.
func TestAccGPUInstance_cheapestLaunchedAndStaysPut(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{
				Config: s.Config(gpuHCL(`  max_price_per_hour = 3`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(gpu, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(gpu, tfjsonpath.New("first_choice"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"cloud": knownvalue.StringExact("tensordock"), "instance_type": knownvalue.StringExact(tdH100),
						"location": knownvalue.StringExact("Helsinki"), "price_per_hour": knownvalue.Float64Exact(2.0944), "currency": knownvalue.StringExact("USD"),
					})),
					plancheck.ExpectUnknownValue(gpu, tfjsonpath.New("cloud")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(gpu, "cloud", knownvalue.StringExact("tensordock")),
					acctest.Value(gpu, "id", knownvalue.StringRegexp(regexp.MustCompile(`^tensordock/.+`))),
					acctest.Value(gpu, "gpu_model", knownvalue.StringExact("H100-80GB")),
					acctest.Value(gpu, "location", knownvalue.StringExact("Helsinki")),
					acctest.Value(gpu, "country", knownvalue.StringExact("FI")),
					acctest.Value(gpu, "price_per_hour", knownvalue.Float64Exact(2.0944)),
					acctest.Value(gpu, "power_state", knownvalue.StringExact("running")),
					acctest.Value(gpu, "ip", knownvalue.StringRegexp(regexp.MustCompile(`^198\.51\.100\.\d+$`))),
					acctest.Value(gpu, "ssh_command", knownvalue.StringRegexp(regexp.MustCompile(`^ssh -p \d+ user@198\.51\.100\.\d+$`))),
					acctest.Value(gpu, "attempts", outcomes(`^launched$`)),
				},
				Check: billedOnly(s, "tensordock"),
			},
			{
				// Blue Lobster becomes far cheaper: nothing moves.
				PreConfig: func() { s.BlueLobster.SetPrice("gpu_1x_h100", 10) },
				Config:    s.Config(gpuHCL(`  max_price_per_hour = 3`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			{
				Config: s.Config(gpuHCL(`  max_price_per_hour = 3
  power_state        = "stopped"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(gpu, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(gpu, "power_state", knownvalue.StringExact("stopped")),
					acctest.Value(gpu, "status", knownvalue.StringRegexp(regexp.MustCompile(`(?i)^stopped`))),
				},
				Check: billedOnly(s, "tensordock"),
			},
			{
				// Wider lists and a higher bound still hold the placement.
				Config: s.Config(gpuHCLOf(`["A100-80GB", "H100-80GB"]`, `  max_price_per_hour = 5
  clouds             = ["bluelobster", "tensordock"]
  max_attempts       = 3`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(gpu, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(gpu, "cloud", knownvalue.StringExact("tensordock"))},
				Check:             billedOnly(s, "tensordock"),
			},
			{
				// A list that leaves its cloud out replaces it.
				Config: s.Config(gpuHCL(`  max_price_per_hour = 5
  clouds             = ["bluelobster"]`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(gpu, plancheck.ResourceActionDestroyBeforeCreate),
					replacedFor(gpu, "clouds"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(gpu, "cloud", knownvalue.StringExact("bluelobster")),
					acctest.Value(gpu, "price_per_hour", knownvalue.Float64Exact(0.1)),
					acctest.Value(gpu, "ssh_command", knownvalue.StringRegexp(regexp.MustCompile(`^ssh ubuntu@`))),
				},
				Check: billedOnly(s, "bluelobster"),
			},
		},
	})
}

// The cheapest cloud out of capacity at apply time: the next offers are
// tried and the next cloud launched; the failed attempts left nothing.
func TestAccGPUInstance_failsOverWhenTheCheapestHasNoCapacity(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{{
			PreConfig: func() { exhaustTensorDockH100(s) },
			Config:    s.Config(gpuHCL("")),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(gpu, tfjsonpath.New("first_choice").AtMapKey("cloud"), knownvalue.StringExact("tensordock")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Value(gpu, "cloud", knownvalue.StringExact("bluelobster")),
				acctest.Value(gpu, "location", knownvalue.StringExact("phl")),
				acctest.Value(gpu, "attempts", outcomes(`^no capacity: .*No available nodes found`, `^no capacity: `, `^launched$`)),
				statecheck.ExpectKnownValue(gpu, tfjsonpath.New("attempts").AtSliceIndex(1).AtMapKey("location"), knownvalue.StringExact("New York")),
			},
			Check: billedOnly(s, "bluelobster"),
		}},
	})
}

// A deploy that the cloud accepts and then ends in no_capacity left an
// instance: it is deleted before the next offer is tried.
func TestAccGPUInstance_deletesWhatAFailedDeployLeft(t *testing.T) {
	s := acctest.StartSim(t)
	s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.DeployOutcome = "no_capacity" })
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{{
			Config: s.Config(gpuHCL(`  clouds             = ["verda", "bluelobster"]
  prefer_cloud_order = true`)),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Value(gpu, "cloud", knownvalue.StringExact("bluelobster")),
				acctest.Value(gpu, "attempts", outcomes(`^no capacity: .*no_capacity.*\(the machine it made was deleted\)$`,
					`^no capacity: .*\(the machine it made was deleted\)$`, `^launched$`)),
			},
			Check: billedOnly(s, "bluelobster"),
		}},
	})
}

// Every offer out of capacity, or max_attempts reached: the error lists
// each attempt, and nothing is billed.
func TestAccGPUInstance_outOfCapacityEverywhereFailsClearly(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			PreConfig: func() { exhaustTensorDockH100(s) },
			// Blue Lobster could launch, but two attempts are allowed.
			Config:      s.Config(gpuHCL(`  max_attempts = 2`)),
			ExpectError: regexp.MustCompile(`(?s)No offer could be launched.*Offers tried:.*1\. tensordock h100-sxm5-80gb in\s+Helsinki.*no capacity.*2\. tensordock h100-sxm5-80gb in\s+New York.*no capacity`),
		}, {
			Config:      s.Config(gpuHCL(`  clouds = ["tensordock"]`)),
			ExpectError: regexp.MustCompile(`(?s)No offer could be launched.*nothing is left running or billed.*2\. tensordock`),
			Check:       billedOnly(s),
		}},
	})
	if got := instancesBilled(s); len(got) != 0 {
		t.Fatalf("billed after failed creates: %v", got)
	}
}

// No offer matches: the plan fails, naming the attribute.
func TestAccGPUInstance_noOfferFailsThePlan(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:      s.Config(gpuHCL(`  max_price_per_hour = 0.01`)),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)No offer matches.*No configured cloud offers 1 x H100-80GB at 0.01\s+USD per hour or less`),
		}, {
			Config:      s.Config(gpuHCL(`  clouds = ["novitai"]`)),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)clouds.*value must be one of`),
		}},
	})
	if n := len(s.Ledger()); n != 0 {
		t.Fatalf("nothing may be created: %d objects", n)
	}
}

// On each cloud: launched, stopped and started in place, imported by
// <cloud>/<id> without a replacement, and destroyed with nothing billed
// and no key left behind.
func TestAccGPUInstance_onEachCloud(t *testing.T) {
	cases := []struct {
		cloud, model, extra, user string
		unreported                []string
	}{
		{"verda", "H100-80GB", "", `root`, nil},
		{"tensordock", "H100-80GB", "", `-p \d+ user`, nil},
		{"bluelobster", "H100-80GB", "", `ubuntu`, nil},
		// Nova takes no name, and its VMs name their node, not the offer's location.
		{"nova", "RTX4090-24GB", `  image     = "ubuntu-24.04"
  locations = ["Ashburn, US"]`, `root`, []string{"name"}},
	}
	for _, tc := range cases {
		t.Run(tc.cloud, func(t *testing.T) {
			s := acctest.StartSim(t)
			hcl := func(power string) string {
				return s.Config(fmt.Sprintf(`
resource "gpucloud_gpu_instance" "g" {
  name           = "trainer"
  gpu_models     = [%q]
  clouds         = [%q]
  power_state    = %q
  ssh_public_key = %q
%s
}
`, tc.model, tc.cloud, power, acctest.SSHKeyEd25519, tc.extra))
			}
			noKeysLeft := func(*terraform.State) error {
				if n := s.CountObjects(tc.cloud, "ssh_key"); n != 0 {
					return fmt.Errorf("%d SSH keys left on %s after the launch", n, tc.cloud)
				}
				return nil
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				CheckDestroy:             s.CheckNothingBilled,
				Steps: []resource.TestStep{
					{
						Config: hcl("running"),
						ConfigStateChecks: []statecheck.StateCheck{
							acctest.Value(gpu, "cloud", knownvalue.StringExact(tc.cloud)),
							acctest.Value(gpu, "gpu_model", knownvalue.StringExact(tc.model)),
							acctest.Value(gpu, "ssh_command", knownvalue.StringRegexp(regexp.MustCompile(`^ssh `+tc.user+`@\d+\.\d+\.\d+\.\d+$`))),
						},
						Check: resource.ComposeAggregateTestCheckFunc(billedOnly(s, tc.cloud), noKeysLeft),
					},
					{
						Config: hcl("stopped"),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(gpu, plancheck.ResourceActionUpdate),
						}},
						ConfigStateChecks: []statecheck.StateCheck{acctest.Value(gpu, "power_state", knownvalue.StringExact("stopped"))},
						Check:             billedOnly(s, tc.cloud),
					},
					{
						Config:            hcl("running"),
						ConfigStateChecks: []statecheck.StateCheck{acctest.Value(gpu, "power_state", knownvalue.StringExact("running"))},
					},
					{
						ResourceName: gpu, ImportState: true, ImportStateVerify: true,
						ImportStateVerifyIgnore: append([]string{
							// Not reported back by any cloud: taken from the configuration.
							"ssh_public_key", "image", "timeouts",
							// Arguments of the placement, which an import cannot know.
							"gpu_models", "clouds", "currency", "max_attempts", "prefer_cloud_order", "spot",
							// What the launch recorded of the offer.
							"first_choice", "attempts", "country", "is_spot", "location", "price_per_hour", "price_currency",
						}, tc.unreported...),
					},
					{
						Config: hcl("running"), ResourceName: gpu, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
						ExpectNonEmptyPlan: true,
						ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(gpu, plancheck.ResourceActionUpdate),
						}},
					},
				},
			})
		})
	}
}

func TestAccGPUInstance_importNeedsCloudAndID(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(gpuHCL("")), ResourceName: gpu, ImportState: true, ImportStateId: "novitai/abc",
			ExpectError: regexp.MustCompile(`(?s)Import gpucloud_gpu_instance by <cloud>/<instance_id>`),
		}},
	})
}

func readExample(t *testing.T) string {
	t.Helper()
	example, err := os.ReadFile(filepath.Join("..", "..", "examples", "cheapest-gpu", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	return string(example)
}

// The example, applied as it is, launches exactly one machine on the
// cheapest cloud, or on the next when the cheapest has no capacity, for
// prices arranged so each cloud wins in turn.
func TestAccGPUInstance_cheapestGPUExample(t *testing.T) {
	example := readExample(t)
	verdaAt := func(price, currency string) func(*acctest.Sim) {
		return func(s *acctest.Sim) {
			s.Verda.UpdateCatalog(func(c *simverda.Catalog) {
				for i := range c.InstanceTypes {
					if c.InstanceTypes[i].InstanceType == "1H100.80S.22V" {
						c.InstanceTypes[i].PricePerHour, c.InstanceTypes[i].Currency = price, currency
					}
				}
			})
		}
	}
	cases := []struct {
		name, want, model string
		arrange           func(*acctest.Sim)
		rates             map[string]config.Variable
	}{
		{"cheapest", "tensordock", "H100-80GB", func(*acctest.Sim) {}, nil},
		{"cheapest_out_of_capacity", "bluelobster", "H100-80GB", exhaustTensorDockH100, nil},
		{"bluelobster_cheaper", "bluelobster", "H100-80GB", func(s *acctest.Sim) { s.BlueLobster.SetPrice("gpu_1x_h100", 100) }, nil},
		{"verda_cheaper", "verda", "H100-80GB", verdaAt("0.90", "usd"), nil},
		{"nova_4090", "nova", "RTX4090-24GB", func(*acctest.Sim) {}, nil},
		// Priced in euros with no rate given: never ranked as if dollars.
		{"euros_without_rate", "tensordock", "H100-80GB", verdaAt("0.90", "eur"), nil},
		// With a rate, 0.90 EUR is 0.99 USD: the cheapest.
		{"euros_with_rate", "verda", "H100-80GB", verdaAt("0.90", "eur"), map[string]config.Variable{"EUR": config.FloatVariable(1.1)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := acctest.StartSim(t)
			tc.arrange(s)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				CheckDestroy:             s.CheckNothingBilled,
				Steps: []resource.TestStep{{
					Config: s.ProviderBlock() + example,
					ConfigVariables: config.Variables{
						"gpu_model": config.StringVariable(tc.model), "max_price_per_hour": config.FloatVariable(5.0),
						"ssh_public_key": config.StringVariable(acctest.SSHKeyEd25519), "exchange_rates": config.MapVariable(tc.rates),
					},
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownOutputValue("cloud", knownvalue.StringExact(tc.want)),
						statecheck.ExpectKnownOutputValue("ip", knownvalue.NotNull()),
						statecheck.ExpectKnownOutputValue("ssh_command", knownvalue.StringRegexp(regexp.MustCompile(`^ssh .+@`))),
						statecheck.ExpectKnownOutputValue("price_per_hour", knownvalue.NotNull()),
					},
					Check: billedOnly(s, tc.want),
				}},
			})
		})
	}
}

// When nothing matches, the example fails its plan with one message.
func TestAccGPUInstance_cheapestGPUExampleSaysOnceWhenNothingMatches(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.ProviderBlock() + readExample(t),
			ConfigVariables: config.Variables{
				"gpu_model": config.StringVariable("H100-80GB"), "max_price_per_hour": config.FloatVariable(0.01),
				"ssh_public_key": config.StringVariable(acctest.SSHKeyEd25519),
			},
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)No offer matches.*1 x H100-80GB at 0.01\s+USD per hour or less`),
		}},
	})
	if n := len(s.Ledger()); n != 0 {
		t.Fatalf("nothing may be created: %d objects", n)
	}
}

// A machine imported while it is still starting: the apply that imports it
// waits for it to run instead of asking to power on a starting machine.
func TestAccGPUInstance_importWhileStarting(t *testing.T) {
	s := acctest.StartSim(t)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				s.BlueLobster.UpdateSwitches(func(sw *simbluelobster.Switches) { sw.TaskDelay = simcore.Duration(3 * time.Second) })
				status, body, err := s.Console("bluelobster", http.MethodPost, "/instances/launch-instance", map[string]any{
					"region": "phl", "instance_type": "gpu_1x_h100", "name": "trainer", "ssh_key": acctest.SSHKeyEd25519, "template_name": "UBUNTU-22-04-NV"})
				var launched struct {
					VMUUID string `json:"vm_uuid"`
				}
				if err != nil || status != http.StatusOK || json.Unmarshal(body, &launched) != nil {
					t.Fatalf("launching from the console: %d %s %v", status, body, err)
				}
				id = "bluelobster/" + launched.VMUUID
			},
			Config: s.Config(gpuHCL(`  clouds = ["bluelobster"]
}
variable "id" { type = string }
import {
  to = gpucloud_gpu_instance.g
  id = var.id`)),
			ConfigVariables: config.Variables{"id": lazyString{&id}},
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(gpu, plancheck.ResourceActionUpdate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Value(gpu, "power_state", knownvalue.StringExact("running")),
				acctest.Value(gpu, "gpu_model", knownvalue.StringExact("H100-80GB")),
				acctest.Value(gpu, "location", knownvalue.StringExact("phl")),
			},
			Check: billedOnly(s, "bluelobster"),
		}},
	})
}

// lazyString is a configuration variable read when the step runs.
type lazyString struct{ v *string }

func (l lazyString) MarshalJSON() ([]byte, error) { return json.Marshal(*l.v) }

// The registry page's example applies as written, with a key of the test's.
func TestAccGPUInstance_registryExampleApplies(t *testing.T) {
	example, err := os.ReadFile(filepath.Join("..", "..", "examples", "resources", "gpucloud_gpu_instance", "resource.tf"))
	if err != nil {
		t.Fatal(err)
	}
	hcl := strings.Replace(string(example), `file("~/.ssh/id_ed25519.pub")`, fmt.Sprintf("%q", acctest.SSHKeyEd25519), 1)
	if hcl == string(example) {
		t.Fatal("the example no longer reads its key from a file; update this test")
	}
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{{
			Config: s.Config(hcl),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("runs_on", knownvalue.StringExact("tensordock h100-sxm5-80gb in Helsinki")),
				statecheck.ExpectKnownOutputValue("login", knownvalue.StringRegexp(regexp.MustCompile(`^ssh -p \d+ user@`))),
			},
			Check: billedOnly(s, "tensordock"),
		}},
	})
}

// A machine the cloud reports failed for good (a Verda spot instance
// discontinued) is replaced by the next plan, which says why.
func TestAccGPUInstance_failedMachineIsReplaced(t *testing.T) {
	s := acctest.StartSim(t)
	var id string
	cfg := s.Config(gpuHCL(`  clouds = ["verda"]`))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{Config: cfg, Check: acctest.CaptureAttr(gpu, "instance_id", &id)},
			{
				PreConfig: func() {
					if !s.Verda.SetInstanceStatus(id, "discontinued") {
						t.Fatalf("no instance %s", id)
					}
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(gpu, plancheck.ResourceActionDestroyBeforeCreate),
					replacedFor(gpu, "status"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(gpu, "status", knownvalue.StringExact("running")),
				},
				Check: billedOnly(s, "verda"),
			},
		},
	})
}
