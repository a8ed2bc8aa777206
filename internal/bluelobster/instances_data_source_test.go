package bluelobster_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// The list finds every instance, filtered by name pattern and region, with
// what Blue Lobster reports of each.
func TestAccInstancesDataSource_filters(t *testing.T) {
	s := acctest.StartSim(t)
	var fleet string
	for i, m := range []struct{ name, region, typ string }{{"fleet-a-1", "igl", "gpu_1x_a4000"}, {"fleet-b-1", "phl", "cpu_8x"}} {
		fleet += fmt.Sprintf(`
resource "gpucloud_bluelobster_instance" "m%d" {
  region         = %q
  instance_type  = %q
  name           = %q
  ssh_public_key = %q
  template_name  = "UBUNTU-22-04"
}
`, i, m.region, m.typ, m.name, acctest.SSHKeyEd25519)
	}
	after := `  depends_on = [gpucloud_bluelobster_instance.m0, gpucloud_bluelobster_instance.m1]`
	lists := fleet + `
data "gpucloud_bluelobster_instances" "all" {
` + after + `
}
data "gpucloud_bluelobster_instances" "team_a" {
  name_regex = "^fleet-a-"
` + after + `
}
data "gpucloud_bluelobster_instances" "phl" {
  region = "PHL"
` + after + `
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: s.Config(fleet)},
			{
				Config: s.Config(lists),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.gpucloud_bluelobster_instances.all", tfjsonpath.New("instances"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue("data.gpucloud_bluelobster_instances.team_a", tfjsonpath.New("instances"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"name": knownvalue.StringExact("fleet-a-1"), "region": knownvalue.StringExact("igl"),
							"instance_type": knownvalue.StringExact("gpu_1x_a4000"), "gpu_count": knownvalue.Int64Exact(1),
						}),
					})),
					statecheck.ExpectKnownValue("data.gpucloud_bluelobster_instances.phl", tfjsonpath.New("instances"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("fleet-b-1"), "instance_type": knownvalue.StringExact("cpu_8x")}),
					})),
					statecheck.CompareValuePairs("data.gpucloud_bluelobster_instances.team_a", tfjsonpath.New("instances").AtSliceIndex(0).AtMapKey("id"),
						"gpucloud_bluelobster_instance.m0", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs("data.gpucloud_bluelobster_instances.team_a", tfjsonpath.New("instances").AtSliceIndex(0).AtMapKey("price_per_hour"),
						"gpucloud_bluelobster_instance.m0", tfjsonpath.New("price_per_hour"), compare.ValuesSame()),
				},
			},
		},
	})
}
