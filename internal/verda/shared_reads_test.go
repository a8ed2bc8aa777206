package verda_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
)

const (
	routeList  = "GET /verda/v1/instances"
	routeGet   = "GET /verda/v1/instances/{id}"
	routeToken = "POST /verda/v1/oauth2/token"
)

// A fleet is refreshed and waited for through shared list requests: the
// cost of a plan does not grow with the number of instances.
func TestAccInstance_fleetReadsShareListRequests(t *testing.T) {
	s := acctest.StartSim(t)
	const n = 12
	config := s.Config(fmt.Sprintf(`
resource "gpucloud_verda_instance" "fleet" {
  count         = %d
  instance_type = "1H100.80S.22V"
  image         = "ubuntu-24.04"
  hostname      = "fleet-${count.index}"
  location_code = "FIN-01"
}
`, n))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					if got := s.Requests(routeGet, ""); got != 0 {
						return fmt.Errorf("waiting for %d instances made %d requests for single instances, want none", n, got)
					}
					if got := s.CountObjects("verda", "instance"); got != n {
						return fmt.Errorf("want %d instances, found %d", n, got)
					}
					return nil
				},
			},
			{
				PreConfig: s.ResetStats,
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
					s.ExpectRequests(func(st map[string]sim.EndpointStats) error {
						total := 0
						for _, e := range st {
							total += e.Count
						}
						if st[routeList].Count != 1 || st[routeGet].Count != 0 || total != 2 {
							return fmt.Errorf("refreshing %d instances should take one token and one list request", n)
						}
						return nil
					}),
				}},
			},
		},
	})
}
