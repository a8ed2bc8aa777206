package verda_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// The periods come from the instances' list by default, from the clusters'
// when asked, shortest first.
func TestAccLongTermPeriodsDataSource_instancesAndClusters(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`
data "gpucloud_verda_long_term_periods" "instances" {}
data "gpucloud_verda_long_term_periods" "clusters" {
  of           = "clusters"
  enabled_only = true
}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gpucloud_verda_long_term_periods.instances", tfjsonpath.New("periods"), knownvalue.ListSizeExact(4)),
				statecheck.ExpectKnownValue("data.gpucloud_verda_long_term_periods.instances", tfjsonpath.New("periods").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"code": knownvalue.StringExact("1_WEEK"), "name": knownvalue.StringExact("1 week"), "is_enabled": knownvalue.Bool(true),
					"unit_name": knownvalue.StringExact("week"), "unit_value": knownvalue.Int64Exact(1), "discount_percentage": knownvalue.Float64Exact(5),
				})),
				statecheck.ExpectKnownValue("data.gpucloud_verda_long_term_periods.clusters", tfjsonpath.New("periods"), knownvalue.ListSizeExact(3)),
			},
		}},
	})
	for _, route := range []string{"GET /verda/v1/long-term/periods/instances", "GET /verda/v1/long-term/periods/clusters"} {
		if s.Requests(route, "200") == 0 {
			t.Errorf("%s was never asked", route)
		}
	}
}
