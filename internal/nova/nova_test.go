package nova_test

import (
	"fmt"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

const vm = "gpucloud_nova_instance.vm"

func keyHCL() string {
	return fmt.Sprintf(`
resource "gpucloud_nova_ssh_key" "k" {
  label      = "laptop"
  public_key = %q
}
`, acctest.SSHKeyEd25519)
}

func vmHCL(extra string) string {
	return `
resource "gpucloud_nova_instance" "vm" {
  node       = "vm01"
  gpu_type   = "5090"
  gpu_count  = 2
  storage_gb = 100
  image      = "ubuntu-24.04"
  ssh_key_id = gpucloud_nova_ssh_key.k.id
` + extra + `
}
`
}

// publicConfig is a Nova provider block with no credentials: the catalog
// data sources need none.
func publicConfig(s *acctest.Sim, hcl string) string {
	return acctest.RequiredProviders + fmt.Sprintf(`
provider "gpucloud" {
  nova { endpoint = %q }
}
`, s.NovaEndpoint()) + hcl
}

// checkNoLogin fails when a data source needing no credentials logged in.
func checkNoLogin(t *testing.T, s *acctest.Sim) {
	t.Helper()
	if n := s.Requests("POST /nova/auth/login", ""); n != 0 {
		t.Fatalf("public data sources must not log in; %d logins", n)
	}
}
