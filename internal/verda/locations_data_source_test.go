package verda_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

func TestAccLocations_filterByCountry(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`
data "gpucloud_verda_locations" "all" {}
data "gpucloud_verda_locations" "iceland" { country_code = "is" }
data "gpucloud_verda_locations" "none" { country_code = "US" }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gpucloud_verda_locations.all", tfjsonpath.New("locations"), knownvalue.ListSizeExact(4)),
				statecheck.ExpectKnownValue("data.gpucloud_verda_locations.all", tfjsonpath.New("locations").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"code": knownvalue.StringExact("FIN-01"), "name": knownvalue.StringExact("Finland 1"), "country_code": knownvalue.StringExact("FI"),
				})),
				statecheck.ExpectKnownValue("data.gpucloud_verda_locations.iceland", tfjsonpath.New("locations"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"code": knownvalue.StringExact("ICE-01")}),
				})),
				statecheck.ExpectKnownValue("data.gpucloud_verda_locations.none", tfjsonpath.New("locations"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}
