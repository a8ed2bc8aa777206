package novitai_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// The managed instances, filtered by region and status.
func TestAccInstances_filterByNameRegionAndStatus(t *testing.T) {
	s := acctest.StartSim(t)
	base := hcl("listed", "tmpl-ubuntu-2204", `  region = "EU-WEST-01"`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: s.Config(base)},
			{
				Config: s.Config(base + `
data "gpucloud_novitai_instances" "eu" { region = "EU-WEST-01" }
data "gpucloud_novitai_instances" "stopped" { status = "stopped" }
data "gpucloud_novitai_instances" "by_name" { name_regex = "^list" }
data "gpucloud_novitai_instances" "other_names" { name_regex = "^other-" }
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.gpucloud_novitai_instances.eu", tfjsonpath.New("instances"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("listed"), "status": knownvalue.StringExact("running")}),
					})),
					statecheck.ExpectKnownValue("data.gpucloud_novitai_instances.stopped", tfjsonpath.New("instances"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue("data.gpucloud_novitai_instances.by_name", tfjsonpath.New("instances"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue("data.gpucloud_novitai_instances.other_names", tfjsonpath.New("instances"), knownvalue.ListSizeExact(0)),
				},
			},
		},
	})
}
