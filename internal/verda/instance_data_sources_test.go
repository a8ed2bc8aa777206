package verda_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

func TestAccInstanceAndVolumesDataSources(t *testing.T) {
	s := acctest.StartSim(t)
	base := `
resource "gpucloud_verda_instance" "a" {
  instance_type      = "1A100.22V"
  image              = "ubuntu-24.04"
  hostname           = "alpha"
  location_code      = "FIN-01"
  volumes            = [{ name = "alpha-data", size = 200, type = "HDD" }]
  volumes_on_destroy = "move_to_trash"
}
resource "gpucloud_verda_volume" "loose" {
  name          = "loose"
  size          = 10
  type          = "NVMe"
  location_code = "FIN-02"
}
`
	lookups := base + `
data "gpucloud_verda_instance" "by_id" { id = gpucloud_verda_instance.a.id }
data "gpucloud_verda_instance" "by_hostname" {
  hostname   = "alpha"
  depends_on = [gpucloud_verda_instance.a]
}
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
					statecheck.CompareValuePairs("data.gpucloud_verda_instance.by_id", tfjsonpath.New("ip"), "gpucloud_verda_instance.a", tfjsonpath.New("ip"), compareEqual()),
					statecheck.CompareValuePairs("data.gpucloud_verda_instance.by_hostname", tfjsonpath.New("id"), "gpucloud_verda_instance.a", tfjsonpath.New("id"), compareEqual()),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance.by_hostname", tfjsonpath.New("instance_type"), knownvalue.StringExact("1A100.22V")),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance.by_hostname", tfjsonpath.New("price_per_hour"), knownvalue.Float64Exact(1.29)),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance.by_hostname", tfjsonpath.New("volume_ids"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue("data.gpucloud_verda_volumes.all", tfjsonpath.New("volumes"), knownvalue.ListSizeExact(3)),
					statecheck.ExpectKnownValue("data.gpucloud_verda_volumes.fin02", tfjsonpath.New("volumes"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"id": knownvalue.NotNull(), "name": knownvalue.StringExact("loose"), "size": knownvalue.Int64Exact(10),
							"type": knownvalue.StringExact("NVMe"), "location_code": knownvalue.StringExact("FIN-02"),
							"status": knownvalue.StringExact("detached"), "instance_ids": knownvalue.ListSizeExact(0),
							"is_os_volume": knownvalue.Bool(false), "monthly_price": knownvalue.Float64Exact(2), "created_at": knownvalue.NotNull(),
						}),
					})),
					statecheck.ExpectKnownValue("data.gpucloud_verda_volumes.alpha", tfjsonpath.New("volumes"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"is_os_volume": knownvalue.Bool(true)}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("alpha-data"), "type": knownvalue.StringExact("HDD")}),
					})),
					statecheck.ExpectKnownValue("data.gpucloud_verda_volumes.none", tfjsonpath.New("volumes"), knownvalue.ListSizeExact(0)),
				},
			},
			{
				Config:      s.Config(base + `data "gpucloud_verda_instance" "missing" { hostname = "nobody" }`),
				ExpectError: regexp.MustCompile(`no Verda instance has the hostname "nobody"`),
			},
			{
				Config:      s.Config(base + `data "gpucloud_verda_instance" "both" {` + "\n" + `id = "x"` + "\n" + `hostname = "y"` + "\n}"),
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination.*id.*hostname`),
			},
			// The post-test destroy runs with the last configuration, so end on a valid one.
			{Config: s.Config(base)},
		},
	})
}

// Twenty instances at once with Verda's documented rate limits enforced by
// the simulator: no 429 reaches the user.
func TestAccInstance_twentyUnderRateLimits(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{{
			Config: s.Config(`
resource "gpucloud_verda_instance" "fleet" {
  count         = 20
  instance_type = "CPU.4V.16G"
  image         = "ubuntu-24.04"
  hostname      = "fleet-${count.index}"
  location_code = "FIN-01"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("gpucloud_verda_instance.fleet[19]", tfjsonpath.New("status"), knownvalue.StringExact("running")),
			},
			Check: func(*resourceState) error {
				if n := s.CountObjects("verda", "instance"); n != 20 {
					return fmt.Errorf("want 20 instances, found %d", n)
				}
				if n := s.Requests("POST /verda/v1/instances", "202"); n != 20 {
					return fmt.Errorf("want 20 deploys, got %d", n)
				}
				return nil
			},
		}},
	})
}
