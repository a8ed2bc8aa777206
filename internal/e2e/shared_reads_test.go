package e2e

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/bench/fleets"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
)

const fleetSize = 4

// fleet is fleetSize instances on each cloud whose list endpoint answers
// with whole objects (Blue Lobster, Nova) or at least with their status
// (TensorDock, novitai); Nova's sit on the node with room for the most.
func fleet() string { return fleets.Others(fleetSize) }

// expectCounts fails unless each route answered exactly as many requests as
// want says. Refusals are left out: a new provider process starts with a
// full client-side bucket while novitai's may still be drained by the step
// before, and the retry after its 429 is the same read.
func expectCounts(st map[string]sim.EndpointStats, want map[string]int) error {
	for route, n := range want {
		if got := st[route].Count - st[route].Statuses["429"]; got != n {
			return fmt.Errorf("%s: want %d requests, got %d", route, n, got)
		}
	}
	return nil
}

// Waiting for and refreshing a fleet share list requests wherever the
// cloud's list says what the resource needs.
func TestAccFleetsShareListRequests(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{
				PreConfig: s.ResetStats,
				Config:    s.Config(fleet()),
				Check: func(*terraform.State) error {
					// Nova waits read the list only; TensorDock and novitai waits
					// too, then read each instance once for the fields the list lacks.
					return expectCounts(s.Stats(), map[string]int{
						"GET /tensordock/api/v2/instances/{id}":  fleetSize,
						"GET /nova/vms/{id}":                     0,
						"GET /novitai/api/instances/{id}":        fleetSize,
						"GET /bluelobster/api/v1/instances/{id}": fleetSize,
					})
				},
			},
			{
				PreConfig: s.ResetStats,
				Config:    s.Config(fleet()),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
					s.ExpectRequests(func(st map[string]sim.EndpointStats) error {
						return expectCounts(st, map[string]int{
							"GET /bluelobster/api/v1/instances":      1,
							"GET /bluelobster/api/v1/instances/{id}": 0,
							"GET /nova/vms":                          1,
							"GET /nova/vms/{id}":                     0,
							"GET /novitai/api/instances/{id}":        fleetSize,
							"GET /tensordock/api/v2/instances/{id}":  fleetSize,
						})
					}),
				}},
			},
		},
	})
}
