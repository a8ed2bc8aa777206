package e2e

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// takenNames holds one object of each Verda kind that is known by its name
// alone, and a cluster, which has a hostname. The names differ, since the
// warnings are told apart by the IDs they name.
var takenNames = fmt.Sprintf(`
resource "gpucloud_verda_secret" "s" {
  name          = "taken-secret"
  value         = "taken-value"
  force_destroy = true
}
resource "gpucloud_verda_file_secret" "f" {
  name          = "taken-files"
  files         = { "a.txt" = base64encode("a") }
  force_destroy = true
}
resource "gpucloud_verda_container_registry_credentials" "r" {
  name          = "taken-login"
  type          = "dockerhub"
  username      = "bot"
  %s
  force_destroy = true
}
resource "gpucloud_verda_container_deployment" "d" {
  name       = "taken-service"
  containers = [{ image = "ghcr.io/acme/taken:1.0", exposed_port = 8080 }]
  compute    = { name = "General Compute", size = 1 }
  scaling    = { min_replicas = 1, max_replicas = 1 }
}
resource "gpucloud_verda_serverless_job" "j" {
  name       = "taken-job"
  containers = [{ image = "ghcr.io/acme/taken-job:1.0", exposed_port = 8080 }]
  compute    = { name = "General Compute", size = 1 }
  scaling    = { max_replicas = 1, deadline_seconds = 600 }
}
resource "gpucloud_verda_cluster" "c" {
  cluster_type             = "16H200"
  image                    = "ubuntu-22.04-cuda-12.4-cluster"
  hostname                 = "taken"
  description              = "taken"
  location_code            = "FIN-01"
  shared_volume            = { name = "taken-home", size = 100 }
  shared_volume_on_destroy = "delete"
}
`, acctest.SecretArgument("access_token", "taken-token", "secrets_wo_version"))

// Another configuration (or an apply killed before it saved anything) made
// the objects a new configuration is about to create. Its plan warns about
// each, by name or hostname, with the import block that takes it over, and
// says when the cloud keeps the name unique; applying with those blocks
// imports every one and creates none, and destroying leaves nothing.
func TestPlanWarnsAboutTakenNames(t *testing.T) {
	s := acctest.StartSim(t)
	cfg := s.ProviderConfig() + takenNames
	other := newCLI(t)
	other.write("main.tf", cfg)
	other.run("apply", "-auto-approve", "-input=false", "-no-color")

	c := newCLI(t)
	c.write("main.tf", cfg)
	plan := c.run("plan", "-input=false", "-no-color")
	imports := importsFromWarnings(t, plan)
	addresses := resourceAddresses(takenNames)
	warned := slices.Collect(maps.Values(imports))
	for _, address := range addresses {
		if !slices.Contains(warned, address) {
			t.Errorf("the plan does not warn that %s is taken:\n%s", address, plan)
		}
	}
	if got := strings.Count(strings.Join(strings.Fields(plan), " "), "keeps this name unique, so applying fails while it exists"); got != len(addresses)-1 {
		t.Errorf("%d warnings say the name is unique; want one for each kind known by its name alone (%d)", got, len(addresses)-1)
	}
	if t.Failed() {
		return
	}
	c.importAll(imports, len(addresses))
	c.run("destroy", "-auto-approve", "-input=false", "-no-color")
	if left := s.Objects(); len(left) != 0 {
		t.Fatalf("left after destroy: %v", left)
	}
}
