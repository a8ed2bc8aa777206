package nova_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// The price per GPU type, as a changed node price shows, with no credentials.
func TestAccPricing_followsNodePricesWithoutCredentials(t *testing.T) {
	s := acctest.StartSim(t)
	s.Nova.SetNodePrice("vm03", 1.05)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: publicConfig(s, `
data "gpucloud_nova_pricing" "now" {}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gpucloud_nova_pricing.now", tfjsonpath.New("prices"), knownvalue.MapExact(map[string]knownvalue.Check{
					"5090": knownvalue.Float64Exact(0.69), "4090": knownvalue.Float64Exact(0.39), "6000pro": knownvalue.Float64Exact(1.05),
				})),
			},
		}},
	})
	checkNoLogin(t, s)
}
