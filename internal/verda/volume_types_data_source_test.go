package verda_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// Verda's volume types, filtered by whether they are shared file systems.
func TestAccVolumeTypes_filterBySharedFS(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`
data "gpucloud_verda_volume_types" "all" {}
data "gpucloud_verda_volume_types" "block" { shared_fs = false }
data "gpucloud_verda_volume_types" "shared" { shared_fs = true }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gpucloud_verda_volume_types.all", tfjsonpath.New("volume_types"), knownvalue.ListSizeExact(4)),
				statecheck.ExpectKnownValue("data.gpucloud_verda_volume_types.block", tfjsonpath.New("volume_types"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"type": knownvalue.StringExact("NVMe"), "price_per_month_per_gb": knownvalue.Float64Exact(0.2), "currency": knownvalue.StringExact("usd")}),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"type": knownvalue.StringExact("HDD"), "iops": knownvalue.StringExact("2k")}),
				})),
				statecheck.ExpectKnownValue("data.gpucloud_verda_volume_types.shared", tfjsonpath.New("volume_types"), knownvalue.ListSizeExact(2)),
			},
		}},
	})
}
