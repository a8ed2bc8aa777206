package verda_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// The compute a deployment may ask for, all of it or what is available.
func TestAccServerlessComputeDataSource_available(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`
data "gpucloud_verda_serverless_compute" "all" {}
data "gpucloud_verda_serverless_compute" "now" { available_only = true }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gpucloud_verda_serverless_compute.all", tfjsonpath.New("compute"), knownvalue.ListSizeExact(6)),
				statecheck.ExpectKnownValue("data.gpucloud_verda_serverless_compute.now", tfjsonpath.New("compute"), knownvalue.ListSizeExact(5)),
				statecheck.ExpectKnownValue("data.gpucloud_verda_serverless_compute.all", tfjsonpath.New("compute").AtSliceIndex(0),
					knownvalue.ObjectExact(map[string]knownvalue.Check{"name": knownvalue.StringExact("A100"), "size": knownvalue.Int64Exact(1), "is_available": knownvalue.Bool(true)})),
			},
		}},
	})
}
