package nova_test

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

// The list finds every VM, filtered by node and GPU type, with what Nova
// reports of each.
func TestAccInstancesDataSource_filters(t *testing.T) {
	s := acctest.StartSim(t)
	fleet := keyHCL()
	for i, m := range []struct{ node, gpu string }{{"vm01", "5090"}, {"vm02", "4090"}} {
		fleet += fmt.Sprintf(`
resource "gpucloud_nova_instance" "m%d" {
  node       = %q
  gpu_type   = %q
  gpu_count  = 1
  storage_gb = 60
  image      = "ubuntu-24.04"
  ssh_key_id = gpucloud_nova_ssh_key.k.id
}
`, i, m.node, m.gpu)
	}
	after := `  depends_on = [gpucloud_nova_instance.m0, gpucloud_nova_instance.m1]`
	lists := fleet + `
data "gpucloud_nova_instances" "all" {
` + after + `
}
data "gpucloud_nova_instances" "on_vm02" {
  node     = "vm02"
  gpu_type = "4090"
` + after + `
}
data "gpucloud_nova_instances" "by_label" {
  name_regex = "^${gpucloud_nova_instance.m0.instance_label}$"
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
					statecheck.ExpectKnownValue("data.gpucloud_nova_instances.all", tfjsonpath.New("instances"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue("data.gpucloud_nova_instances.on_vm02", tfjsonpath.New("instances"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"node": knownvalue.StringExact("vm02"), "gpu_type": knownvalue.StringExact("4090"), "template_vmid": knownvalue.Int64Exact(101),
							"storage_gb": knownvalue.Int64Exact(60), "rental_type": knownvalue.StringExact("on_demand"),
						}),
					})),
					statecheck.CompareValuePairs("data.gpucloud_nova_instances.on_vm02", tfjsonpath.New("instances").AtSliceIndex(0).AtMapKey("id"),
						"gpucloud_nova_instance.m1", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.gpucloud_nova_instances.by_label", tfjsonpath.New("instances"), knownvalue.ListSizeExact(1)),
					statecheck.CompareValuePairs("data.gpucloud_nova_instances.by_label", tfjsonpath.New("instances").AtSliceIndex(0).AtMapKey("id"),
						"gpucloud_nova_instance.m0", tfjsonpath.New("id"), compare.ValuesSame()),
				},
			},
		},
	})
}
