package tensordock_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// One hostnode by ID, with every GPU model and its free ports.
func TestAccHostnode_byID(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`
data "gpucloud_tensordock_hostnode" "ny" { id = "4b1e0c5a-0000-4000-8000-0000000000a1" }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gpucloud_tensordock_hostnode.ny", tfjsonpath.New("available_ports"), knownvalue.ListSizeExact(100)),
				statecheck.ExpectKnownValue("data.gpucloud_tensordock_hostnode.ny", tfjsonpath.New("gpus"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"v0_name": knownvalue.StringExact("h100-sxm5-80gb"), "available_count": knownvalue.Int64Exact(8), "price_per_hour": knownvalue.Float64Exact(2.2),
					}),
				})),
			},
		}},
	})
}
