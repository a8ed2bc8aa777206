package tensordock_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// TensorDock's locations with the GPU models each offers.
func TestAccLocations_gpusByLocation(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`
data "gpucloud_tensordock_locations" "all" {}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gpucloud_tensordock_locations.all", tfjsonpath.New("locations"), knownvalue.ListSizeExact(3)),
				statecheck.ExpectKnownValue("data.gpucloud_tensordock_locations.all", tfjsonpath.New("locations").AtSliceIndex(1), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"city": knownvalue.StringExact("Helsinki"),
					"gpus": knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"v0_name": knownvalue.StringExact("a100-pcie-80gb"), "max_count": knownvalue.Int64Exact(2)}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"v0_name": knownvalue.StringExact("h100-sxm5-80gb"), "price_per_hour": knownvalue.Float64Exact(2.05)}),
					}),
				})),
			},
		}},
	})
}
