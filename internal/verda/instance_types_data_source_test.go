package verda_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

func TestAccInstanceTypes_filtersFollowCapacity(t *testing.T) {
	s := acctest.StartSim(t)
	types := func(names ...string) knownvalue.Check {
		checks := make([]knownvalue.Check, len(names))
		for i, n := range names {
			checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"instance_type": knownvalue.StringExact(n)})
		}
		return knownvalue.ListExact(checks)
	}
	at := func(name string) tfjsonpath.Path { return tfjsonpath.New("instance_types") }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: s.Config(`
data "gpucloud_verda_instance_types" "all" {}
data "gpucloud_verda_instance_types" "h100" { gpu_model = "h100" }
data "gpucloud_verda_instance_types" "big" {
  min_gpu_count = 8
}
data "gpucloud_verda_instance_types" "cheap_gpu" {
  min_gpu_count      = 1
  max_price_per_hour = 1.2
}
data "gpucloud_verda_instance_types" "fin03" { location_code = "FIN-03" }
data "gpucloud_verda_instance_types" "spot_fin03" {
  spot          = true
  location_code = "FIN-03"
}
data "gpucloud_verda_instance_types" "none" { gpu_model = "B200" }
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance_types.all", at("all"), knownvalue.ListSizeExact(8)),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance_types.all", tfjsonpath.New("instance_types").AtSliceIndex(0).AtMapKey("instance_type"), knownvalue.StringExact("CPU.4V.16G")),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance_types.h100", at("h100"), types("1H100.80S.22V", "2H100.80S.60V", "8H100.80S.176V")),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance_types.h100", tfjsonpath.New("instance_types").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"instance_type": knownvalue.StringExact("1H100.80S.22V"), "id": knownvalue.StringExact("c01dd00d-0000-4972-ae4e-d429115d055b"),
						"name": knownvalue.StringExact("H100 SXM5 80GB"), "display_name": knownvalue.StringExact("NVIDIA H100 SXM5 80GB"),
						"gpu_model": knownvalue.StringExact("H100"), "manufacturer": knownvalue.StringExact("NVIDIA"),
						"description": knownvalue.StringExact("Dedicated Hardware Instance"),
						"cpu_cores":   knownvalue.Int64Exact(22), "memory_gb": knownvalue.Int64Exact(187), "gpu_count": knownvalue.Int64Exact(1),
						"gpu_memory_gb": knownvalue.Int64Exact(80), "gpu_description": knownvalue.StringExact("1x H100 SXM5 80GB"),
						"storage_description": knownvalue.StringExact("dynamic"),
						"price_per_hour":      knownvalue.Float64Exact(3.17), "spot_price_per_hour": knownvalue.Float64Exact(1.27), "currency": knownvalue.StringExact("usd"),
						"supported_os":        knownvalue.ListSizeExact(3),
						"deploy_warning":      knownvalue.StringExact("Make sure your VM is running on latest Nvidia Driver 525.100+ or newer"),
						"available_locations": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("FIN-01"), knownvalue.StringExact("FIN-03")}),
					})),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance_types.big", at("big"), types("8A100.176V", "8H100.80S.176V")),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance_types.cheap_gpu", at("cheap_gpu"), types("1RTX6000ADA.10V", "1L40S.20V")),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance_types.fin03", at("fin03"), types("CPU.4V.16G", "1RTX6000ADA.10V", "1H100.80S.22V")),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance_types.spot_fin03", at("spot_fin03"), types("1L40S.20V", "1A100.22V")),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance_types.none", at("none"), knownvalue.ListSizeExact(0)),
				},
			},
			{
				// Capacity moves: the next refresh reports it.
				PreConfig: func() {
					s.Verda.UpdateCatalog(func(c *simverda.Catalog) { c.Availability["FIN-03"] = []string{"CPU.4V.16G"} })
				},
				Config: s.Config(`data "gpucloud_verda_instance_types" "fin03" { location_code = "FIN-03" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance_types.fin03", at("fin03"), types("CPU.4V.16G")),
				},
			},
		},
	})
}
