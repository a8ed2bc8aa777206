package verda_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

func TestAccLocations(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`
data "gpucloud_verda_locations" "all" {}
data "gpucloud_verda_locations" "iceland" { country_code = "is" }
data "gpucloud_verda_locations" "none" { country_code = "US" }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gpucloud_verda_locations.all", tfjsonpath.New("locations"), knownvalue.ListSizeExact(4)),
				statecheck.ExpectKnownValue("data.gpucloud_verda_locations.all", tfjsonpath.New("locations").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"code": knownvalue.StringExact("FIN-01"), "name": knownvalue.StringExact("Finland 1"), "country_code": knownvalue.StringExact("FI"),
				})),
				statecheck.ExpectKnownValue("data.gpucloud_verda_locations.iceland", tfjsonpath.New("locations"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"code": knownvalue.StringExact("ICE-01")}),
				})),
				statecheck.ExpectKnownValue("data.gpucloud_verda_locations.none", tfjsonpath.New("locations"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}

func TestAccImagesAndVolumeTypes(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`
data "gpucloud_verda_images" "all" {}
data "gpucloud_verda_images" "none" { category = "windows" }
data "gpucloud_verda_volume_types" "all" {}
data "gpucloud_verda_volume_types" "block" { shared_fs = false }
data "gpucloud_verda_volume_types" "shared" { shared_fs = true }
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

func TestAccInstanceTypes(t *testing.T) {
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

// With 429s on every Verda path, an apply of a key, a script and all four
// data sources still succeeds; the request counts show the retries.
func TestAcc429OnEveryPath(t *testing.T) {
	s := acctest.StartSim(t)
	// The creates' own lists (a plan looks for existing names) are throttled too, by "GET *".
	paths := []string{"POST oauth2/token", "POST ssh-keys", "POST scripts", "GET locations", "GET images", "GET volume-types", "GET instance-types", "GET instance-availability*"}
	for _, p := range paths {
		method, path, _ := strings.Cut(p, " ")
		if _, err := s.AddFault(sim.Fault{Method: method, Path: "/verda/v1/" + path, Kind: sim.FaultStatus, Status: 429, RetryAfter: "1", Count: 2}); err != nil {
			t.Fatal(err)
		}
	}
	config := s.Config(fmt.Sprintf(`
resource "gpucloud_verda_ssh_key" "k" {
  name       = "throttled"
  public_key = %q
}
resource "gpucloud_verda_startup_script" "s" {
  name   = "throttled"
  script = "#!/bin/sh\necho hi\n"
}
data "gpucloud_verda_locations" "l" {}
data "gpucloud_verda_images" "i" {}
data "gpucloud_verda_volume_types" "v" {}
data "gpucloud_verda_instance_types" "t" { gpu_model = "A100" }
`, acctest.SSHKeyEd25519))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("gpucloud_verda_ssh_key.k", tfjsonpath.New("name"), knownvalue.StringExact("throttled")),
				statecheck.ExpectKnownValue("gpucloud_verda_startup_script.s", tfjsonpath.New("name"), knownvalue.StringExact("throttled")),
				statecheck.ExpectKnownValue("data.gpucloud_verda_locations.l", tfjsonpath.New("locations"), knownvalue.ListSizeExact(4)),
				statecheck.ExpectKnownValue("data.gpucloud_verda_images.i", tfjsonpath.New("images"), knownvalue.ListSizeExact(3)),
				statecheck.ExpectKnownValue("data.gpucloud_verda_volume_types.v", tfjsonpath.New("volume_types"), knownvalue.ListSizeExact(4)),
				statecheck.ExpectKnownValue("data.gpucloud_verda_instance_types.t", tfjsonpath.New("instance_types"), knownvalue.ListSizeExact(2)),
			},
			Check: func(*resourceState) error {
				throttled := 0
				for route, st := range s.Stats() {
					if st.Statuses["429"] > 0 && st.Statuses["429"] == st.Count {
						return fmt.Errorf("%s was never retried to success: %+v", route, st)
					}
					throttled += st.Statuses["429"]
				}
				for _, route := range []string{
					"POST /verda/v1/oauth2/token", "POST /verda/v1/ssh-keys", "POST /verda/v1/scripts", "GET /verda/v1/locations",
					"GET /verda/v1/images", "GET /verda/v1/volume-types", "GET /verda/v1/instance-types", "GET /verda/v1/instance-availability",
				} {
					if s.Requests(route, "429") != 2 || s.Requests(route, "200")+s.Requests(route, "201") == 0 {
						return fmt.Errorf("%s: want two 429s followed by success, got %+v", route, s.Stats()[route])
					}
				}
				if throttled != 2*len(paths) {
					return fmt.Errorf("want all %d injected 429s absorbed, saw %d", 2*len(paths), throttled)
				}
				if n := s.CountObjects("verda", "ssh_key") + s.CountObjects("verda", "startup_script"); n != 2 {
					return fmt.Errorf("retried creates must not duplicate: %d objects", n)
				}
				return nil
			},
		}},
	})
}
