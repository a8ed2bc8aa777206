package bluelobster_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// The instance types filters, cheapest first.
func TestAccInstanceTypes_filters(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`
data "gpucloud_bluelobster_instance_types" "all" {}
data "gpucloud_bluelobster_instance_types" "gpu_igl" {
  min_gpu_count = 1
  region        = "igl"
}
data "gpucloud_bluelobster_instance_types" "h100" {
  gpu_model      = "h100"
  available_only = true
}
data "gpucloud_bluelobster_instance_types" "none" { max_price_per_hour = 0.01 }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Value("data.gpucloud_bluelobster_instance_types.all", "instance_types", knownvalue.ListSizeExact(4)),
				acctest.Value("data.gpucloud_bluelobster_instance_types.all", "instance_types", knownvalue.ListPartial(map[int]knownvalue.Check{
					0: knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("cpu_8x"), "price_per_hour": knownvalue.Float64Exact(0.12)}),
				})),
				acctest.Value("data.gpucloud_bluelobster_instance_types.gpu_igl", "instance_types", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("gpu_1x_a4000")}),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("gpu_2x_a6000"), "gpu_count": knownvalue.Int64Exact(2)}),
				})),
				acctest.Value("data.gpucloud_bluelobster_instance_types.h100", "instance_types", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"regions_with_capacity": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("phl")})}),
				})),
				acctest.Value("data.gpucloud_bluelobster_instance_types.none", "instance_types", knownvalue.ListSizeExact(0)),
			},
		}},
	})
}
