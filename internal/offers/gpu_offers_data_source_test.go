package offers_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
)

const offers = "data.gpucloud_gpu_offers.all"

// sortedByPrice checks the whole list is in price order.
func sortedByPrice() knownvalue.Check {
	return listFunc(func(list []any) error {
		last := -1.0
		for i, item := range list {
			p, _ := item.(map[string]any)["price_per_hour"].(json.Number)
			f, err := p.Float64()
			if err != nil {
				return fmt.Errorf("offer %d has no price", i)
			}
			if f < last {
				return fmt.Errorf("offer %d costs %v, less than the one before (%v)", i, f, last)
			}
			last = f
		}
		return nil
	})
}

func cloudsIn(want ...string) knownvalue.Check {
	return listFunc(func(list []any) error {
		seen := map[string]bool{}
		for _, item := range list {
			seen[item.(map[string]any)["cloud"].(string)] = true
		}
		for _, c := range want {
			if !seen[c] {
				return fmt.Errorf("no offer from %s among %d offers", c, len(list))
			}
		}
		if len(seen) != len(want) {
			return fmt.Errorf("offers from %v, want exactly %v", seen, want)
		}
		return nil
	})
}

func TestAccGPUOffers_fromAllFourClouds(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`
data "gpucloud_gpu_offers" "all" {}
data "gpucloud_gpu_offers" "h100" {
  gpu_models    = ["h100-80gb"]
  min_gpu_count = 1
}
data "gpucloud_gpu_offers" "finland" { countries = ["FI"] }
data "gpucloud_gpu_offers" "big_memory" { min_gpu_memory_gb = 90 }
data "gpucloud_gpu_offers" "with_spot" {
  spot_allowed       = true
  max_price_per_hour = 0.4
}
data "gpucloud_gpu_offers" "none" { gpu_models = ["B300-288GB"] }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(offers, tfjsonpath.New("offers"), cloudsIn("bluelobster", "nova", "tensordock", "verda")),
				statecheck.ExpectKnownValue(offers, tfjsonpath.New("offers"), sortedByPrice()),
				statecheck.CompareValuePairs(offers, tfjsonpath.New("cheapest"), offers, tfjsonpath.New("offers").AtSliceIndex(0), compare.ValuesSame()),
				// Nova's 4090 at 0.39 an hour is the cheapest on-demand GPU in the simulator.
				statecheck.ExpectKnownValue(offers, tfjsonpath.New("cheapest"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"cloud": knownvalue.StringExact("nova"), "gpu_model": knownvalue.StringExact("RTX4090-24GB"), "cloud_gpu_name": knownvalue.StringExact("4090"),
					"gpu_count": knownvalue.Int64Exact(1), "gpu_memory_gb": knownvalue.Float64Exact(24), "price_per_hour": knownvalue.Float64Exact(0.39),
					"currency": knownvalue.StringExact("USD"), "country": knownvalue.StringExact("US"), "spot": knownvalue.Bool(false),
					"nova_node": knownvalue.StringExact("vm02"), "nova_gpu_type": knownvalue.StringExact("4090"), "verda_instance_type": knownvalue.Null(),
				})),
				statecheck.ExpectKnownValue("data.gpucloud_gpu_offers.h100", tfjsonpath.New("offers"), cloudsIn("bluelobster", "tensordock", "verda")),
				statecheck.ExpectKnownValue("data.gpucloud_gpu_offers.h100", tfjsonpath.New("cheapest"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"cloud": knownvalue.StringExact("tensordock"), "tensordock_gpu_model": knownvalue.StringExact("h100-sxm5-80gb"),
					"tensordock_hostnode_id": knownvalue.StringExact("4b1e0c5a-0000-4000-8000-0000000000b1"),
					"tensordock_vcpu_count":  knownvalue.Int64Exact(8), "tensordock_ram_gb": knownvalue.Int64Exact(32), "price_per_hour": knownvalue.Float64Exact(2.0944),
				})),
				statecheck.ExpectKnownValue("data.gpucloud_gpu_offers.finland", tfjsonpath.New("offers"), cloudsIn("tensordock", "verda")),
				statecheck.ExpectKnownValue("data.gpucloud_gpu_offers.big_memory", tfjsonpath.New("cheapest"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"gpu_model": knownvalue.StringExact("RTXPRO6000-96GB"),
				})),
				statecheck.ExpectKnownValue("data.gpucloud_gpu_offers.with_spot", tfjsonpath.New("cheapest"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"spot": knownvalue.Bool(true), "cloud": knownvalue.StringExact("nova"), "price_per_hour": knownvalue.Float64Exact(0.2),
				})),
				statecheck.ExpectKnownValue("data.gpucloud_gpu_offers.none", tfjsonpath.New("offers"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue("data.gpucloud_gpu_offers.none", tfjsonpath.New("cheapest"), knownvalue.Null()),
			},
		}},
	})
}

func TestAccGPUOffers_aFailingCloudIsAWarningUnlessRequired(t *testing.T) {
	s := acctest.StartSim(t)
	if _, err := s.AddFault(sim.Fault{Path: "/tensordock/api/v2/hostnodes", Kind: sim.FaultStatus, Status: 403}); err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: s.Config(`data "gpucloud_gpu_offers" "all" {}`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(offers, tfjsonpath.New("offers"), cloudsIn("bluelobster", "nova", "verda")),
				},
			},
			{
				Config:      s.Config(`data "gpucloud_gpu_offers" "all" { require_all_clouds = true }`),
				ExpectError: regexp.MustCompile(`(?s)Offers from TensorDock are missing.*HTTP 403.*require_all_clouds`),
			},
			{
				// Asking only the clouds that answer is fine even when required.
				Config: s.Config(`data "gpucloud_gpu_offers" "all" {
  clouds             = ["verda", "nova"]
  require_all_clouds = true
}`),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(offers, tfjsonpath.New("offers"), cloudsIn("nova", "verda"))},
			},
		},
	})
}

// listFunc is a knownvalue.Check over a whole list.
type listFunc func([]any) error

func (f listFunc) CheckValue(v any) error {
	list, ok := v.([]any)
	if !ok {
		return fmt.Errorf("expected a list, got %T", v)
	}
	return f(list)
}

func (f listFunc) String() string { return "list predicate" }
