package bluelobster_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// The templates, filtered by whether they carry NVIDIA drivers.
func TestAccImages_filterByNvidia(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`
data "gpucloud_bluelobster_images" "all" {}
data "gpucloud_bluelobster_images" "nvidia" { has_nvidia = true }
data "gpucloud_bluelobster_images" "plain" { has_nvidia = false }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Value("data.gpucloud_bluelobster_images.all", "images", knownvalue.ListSizeExact(5)),
				acctest.Value("data.gpucloud_bluelobster_images.plain", "images", knownvalue.ListSizeExact(3)),
				acctest.Value("data.gpucloud_bluelobster_images.nvidia", "images", knownvalue.ListSizeExact(2)),
				acctest.Value("data.gpucloud_bluelobster_images.nvidia", "images", knownvalue.ListPartial(map[int]knownvalue.Check{
					0: knownvalue.ObjectExact(map[string]knownvalue.Check{
						"name": knownvalue.StringExact("UBUNTU-22-04-NV"), "vmid": knownvalue.Int64Exact(101), "display_name": knownvalue.StringExact("Ubuntu 22.04 + NVIDIA"),
						"os_type": knownvalue.StringExact("linux"), "has_nvidia": knownvalue.Bool(true),
					}),
				})),
			},
		}},
	})
}
