package verda_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
)

// instanceAndLooseVolume is an instance with a data volume in FIN-01 and a
// detached volume in FIN-02, what the lookups of instances and volumes find.
const instanceAndLooseVolume = `
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

// With 429s on every Verda path, an apply of a key, a script and all four
// data sources still succeeds; the request counts show the retries.
func TestAccVerda_429sOnEveryPathAreRetried(t *testing.T) {
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
			Check: func(*terraform.State) error {
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
