package nova_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// The offers filters, cheapest first, with no credentials.
func TestAccOffers_filtersWithoutCredentials(t *testing.T) {
	s := acctest.StartSim(t)
	s.Nova.SetNodePrice("vm03", 1.05)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: publicConfig(s, `
data "gpucloud_nova_offers" "all" {}
data "gpucloud_nova_offers" "pro" {
  gpu_type      = "6000pro"
  min_gpu_count = 2
}
data "gpucloud_nova_offers" "cheap_spot" {
  interruptible      = true
  max_price_per_hour = 0.5
}
data "gpucloud_nova_offers" "none" { gpu_type = "h200" }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gpucloud_nova_offers.all", tfjsonpath.New("offers"), knownvalue.ListSizeExact(11)),
				statecheck.ExpectKnownValue("data.gpucloud_nova_offers.all", tfjsonpath.New("offers").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"gpu_type": knownvalue.StringExact("4090"), "gpu_count": knownvalue.Int64Exact(1), "gpu_memory_gb": knownvalue.Float64Exact(24),
					"gpu_price_per_hour": knownvalue.Float64Exact(0.39), "interruptible_rate": knownvalue.Float64Exact(0.2),
					"price_per_hour": knownvalue.Float64Exact(0.39), "available": knownvalue.Bool(true), "location": knownvalue.StringExact("Ashburn, US"),
				})),
				statecheck.ExpectKnownValue("data.gpucloud_nova_offers.pro", tfjsonpath.New("offers"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"gpu_count": knownvalue.Int64Exact(2), "price_per_hour": knownvalue.Float64Exact(2.1)}),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"gpu_count": knownvalue.Int64Exact(4), "price_per_hour": knownvalue.Float64Exact(4.2)}),
				})),
				statecheck.ExpectKnownValue("data.gpucloud_nova_offers.cheap_spot", tfjsonpath.New("offers"), knownvalue.ListSizeExact(3)),
				statecheck.ExpectKnownValue("data.gpucloud_nova_offers.none", tfjsonpath.New("offers"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
	checkNoLogin(t, s)
}
