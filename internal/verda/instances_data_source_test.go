package verda_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// The list finds every instance, filtered by hostname pattern, status and
// location, with the fields of the single-instance data source.
func TestAccInstancesDataSource_filters(t *testing.T) {
	s := acctest.StartSim(t)
	var fleet string
	for i, host := range []string{"fleet-a-1", "fleet-a-2", "fleet-b-1"} {
		fleet += fmt.Sprintf(`
resource "gpucloud_verda_instance" "m%d" {
  instance_type = "CPU.4V.16G"
  image         = "ubuntu-24.04"
  hostname      = %q
  location_code = %q
  power_state   = %q
}
`, i, host, map[bool]string{true: "FIN-01", false: "FIN-02"}[i != 1], map[bool]string{true: "running", false: "stopped"}[i != 2])
	}
	lists := fleet + `
data "gpucloud_verda_instances" "all" {
  depends_on = [gpucloud_verda_instance.m0, gpucloud_verda_instance.m1, gpucloud_verda_instance.m2]
}
data "gpucloud_verda_instances" "team_a" {
  name_regex = "^fleet-a-"
  depends_on = [gpucloud_verda_instance.m0, gpucloud_verda_instance.m1, gpucloud_verda_instance.m2]
}
data "gpucloud_verda_instances" "running_in_fin_01" {
  status        = "running"
  location_code = "fin-01"
  depends_on    = [gpucloud_verda_instance.m0, gpucloud_verda_instance.m1, gpucloud_verda_instance.m2]
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{Config: s.Config(fleet)},
			{
				Config: s.Config(lists),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.gpucloud_verda_instances.all", tfjsonpath.New("instances"), knownvalue.ListSizeExact(3)),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instances.team_a", tfjsonpath.New("instances"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"hostname": knownvalue.StringExact("fleet-a-1"), "location_code": knownvalue.StringExact("FIN-01")}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"hostname": knownvalue.StringExact("fleet-a-2"), "location_code": knownvalue.StringExact("FIN-02")}),
					})),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instances.running_in_fin_01", tfjsonpath.New("instances"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"hostname": knownvalue.StringExact("fleet-a-1"), "status": knownvalue.StringExact("running")}),
					})),
					statecheck.CompareValuePairs("data.gpucloud_verda_instances.running_in_fin_01", tfjsonpath.New("instances").AtSliceIndex(0).AtMapKey("id"),
						"gpucloud_verda_instance.m0", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs("data.gpucloud_verda_instances.running_in_fin_01", tfjsonpath.New("instances").AtSliceIndex(0).AtMapKey("os_volume_id"),
						"gpucloud_verda_instance.m0", tfjsonpath.New("os_volume_id"), compare.ValuesSame()),
				},
			},
			{
				Config:      s.Config(fleet + `data "gpucloud_verda_instances" "bad" { name_regex = "fleet-(" }`),
				ExpectError: regexp.MustCompile(`(?s)name_regex.*must be a regular expression`),
			},
			{Config: s.Config(fleet)},
		},
	})
}
