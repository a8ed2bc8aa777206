package tensordock_test

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

// The list finds every machine, filtered by name pattern and status, with
// what TensorDock reports of each.
func TestAccInstancesDataSource_filters(t *testing.T) {
	s := acctest.StartSim(t)
	var fleet string
	for i, m := range []struct{ name, power string }{{"fleet-a-1", "running"}, {"fleet-b-1", "stopped"}} {
		fleet += fmt.Sprintf(`
resource "gpucloud_tensordock_instance" "m%d" {
  name             = %q
  image            = "ubuntu2404"
  hostnode_id      = %q
  vcpu_count       = 4
  ram_gb           = 16
  storage_gb       = 100
  gpu_model        = "h100-sxm5-80gb"
  use_dedicated_ip = true
  ssh_public_key   = %q
  power_state      = %q
}
`, i, m.name, nyH100, acctest.SSHKeyEd25519, m.power)
	}
	after := `  depends_on = [gpucloud_tensordock_instance.m0, gpucloud_tensordock_instance.m1]`
	lists := fleet + `
data "gpucloud_tensordock_instances" "all" {
` + after + `
}
data "gpucloud_tensordock_instances" "team_a" {
  name_regex = "^fleet-a-"
` + after + `
}
data "gpucloud_tensordock_instances" "stopped" {
  status = "STOPPED"
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
					statecheck.ExpectKnownValue("data.gpucloud_tensordock_instances.all", tfjsonpath.New("instances"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue("data.gpucloud_tensordock_instances.team_a", tfjsonpath.New("instances"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"name": knownvalue.StringExact("fleet-a-1"), "vcpu_count": knownvalue.Int64Exact(4), "ram_gb": knownvalue.Int64Exact(16),
							"gpu_model": knownvalue.StringExact("h100-sxm5-80gb"), "gpu_count": knownvalue.Int64Exact(1),
						}),
					})),
					statecheck.ExpectKnownValue("data.gpucloud_tensordock_instances.stopped", tfjsonpath.New("instances"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("fleet-b-1")}),
					})),
					statecheck.CompareValuePairs("data.gpucloud_tensordock_instances.team_a", tfjsonpath.New("instances").AtSliceIndex(0).AtMapKey("id"),
						"gpucloud_tensordock_instance.m0", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs("data.gpucloud_tensordock_instances.team_a", tfjsonpath.New("instances").AtSliceIndex(0).AtMapKey("ip_address"),
						"gpucloud_tensordock_instance.m0", tfjsonpath.New("ip_address"), compare.ValuesSame()),
				},
			},
		},
	})
}
