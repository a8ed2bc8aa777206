package verda_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// The volumes data source filters the project's volumes by location,
// type and instance.
func TestAccVolumes_filters(t *testing.T) {
	s := acctest.StartSim(t)
	base := instanceAndLooseVolume
	lookups := base + `
data "gpucloud_verda_volumes" "all" { depends_on = [gpucloud_verda_instance.a, gpucloud_verda_volume.loose] }
data "gpucloud_verda_volumes" "fin02" {
  location_code = "FIN-02"
  depends_on    = [gpucloud_verda_volume.loose]
}
data "gpucloud_verda_volumes" "alpha" { instance_id = gpucloud_verda_instance.a.id }
data "gpucloud_verda_volumes" "none" {
  type       = "NVMe_Shared"
  depends_on = [gpucloud_verda_volume.loose]
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{Config: s.Config(base)},
			{
				Config: s.Config(lookups),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.gpucloud_verda_volumes.all", tfjsonpath.New("volumes"), knownvalue.ListSizeExact(3)),
					statecheck.ExpectKnownValue("data.gpucloud_verda_volumes.fin02", tfjsonpath.New("volumes"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"id": knownvalue.NotNull(), "name": knownvalue.StringExact("loose"), "size": knownvalue.Int64Exact(10),
							"type": knownvalue.StringExact("NVMe"), "location_code": knownvalue.StringExact("FIN-02"),
							"status": knownvalue.StringExact("detached"), "instance_ids": knownvalue.ListSizeExact(0),
							"is_os_volume": knownvalue.Bool(false), "monthly_price": knownvalue.Float64Exact(2), "created_at": knownvalue.NotNull(),
							"mount_command":               knownvalue.StringRegexp(regexp.MustCompile(`^mount .*/mnt/volume$`)),
							"pseudo_path":                 knownvalue.StringRegexp(regexp.MustCompile(`^volume-`)),
							"create_directory_command":    knownvalue.StringExact("mkdir -p /mnt/volume"),
							"filesystem_to_fstab_command": knownvalue.StringRegexp(regexp.MustCompile(`/etc/fstab$`)),
						}),
					})),
					statecheck.ExpectKnownValue("data.gpucloud_verda_volumes.alpha", tfjsonpath.New("volumes"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"is_os_volume": knownvalue.Bool(true)}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("alpha-data"), "type": knownvalue.StringExact("HDD")}),
					})),
					statecheck.ExpectKnownValue("data.gpucloud_verda_volumes.none", tfjsonpath.New("volumes"), knownvalue.ListSizeExact(0)),
				},
			},
		},
	})
}
