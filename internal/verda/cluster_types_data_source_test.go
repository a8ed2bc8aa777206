package verda_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// Cluster types come with their price in the currency asked for and the
// locations that can deploy them now.
func TestAccClusterTypesDataSource_pricesAndAvailability(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`data "gpucloud_verda_cluster_types" "eur" { currency = "eur" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gpucloud_verda_cluster_types.eur", tfjsonpath.New("cluster_types").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"cluster_type": knownvalue.StringExact("16H200"), "currency": knownvalue.StringExact("eur"), "gpu_count": knownvalue.Int64Exact(16),
					"available_locations": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("FIN-01"), knownvalue.StringExact("FIN-03")}),
				})),
			},
		}},
	})
}
