package verda_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// Verda's images for instances, filtered by category.
func TestAccImages_filterByCategory(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`
data "gpucloud_verda_images" "all" {}
data "gpucloud_verda_images" "none" { category = "windows" }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				// The cluster image is not for instances.
				statecheck.ExpectKnownValue("data.gpucloud_verda_images.all", tfjsonpath.New("images"), knownvalue.ListSizeExact(3)),
				statecheck.ExpectKnownValue("data.gpucloud_verda_images.all", tfjsonpath.New("images").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id": knownvalue.StringExact("342377e1-9f51-4c30-8797-1e12f6ae1d22"), "image_type": knownvalue.StringExact("ubuntu-24.04"),
					"name": knownvalue.StringExact("Ubuntu 24.04"), "category": knownvalue.StringExact("ubuntu"), "is_default": knownvalue.Bool(false),
					"details": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("Ubuntu 24.04"), knownvalue.StringExact("Minimal Image")}),
				})),
				statecheck.ExpectKnownValue("data.gpucloud_verda_images.none", tfjsonpath.New("images"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}
