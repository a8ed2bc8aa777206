package nova_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simnova "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/nova"
)

// A read-only API key fails a write with the scope it lacks.
func TestAccSSHKey_readOnlyAPIKeyNamesItsScope(t *testing.T) {
	s := acctest.StartSim(t)
	cfg := acctest.RequiredProviders + fmt.Sprintf(`
provider "gpucloud" {
  nova {
    api_key  = %q
    endpoint = %q
  }
}
`, simnova.ReadOnlyKey, s.NovaEndpoint())
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:      cfg + keyHCL(),
			ExpectError: regexp.MustCompile(`(?s)HTTP 403.*read_only\s+scope.*scope`),
		}},
	})
}

// Nova's limit of five keys fails with Nova's own message.
func TestAccSSHKey_fiveKeyLimit(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{{
			Config: s.Config(fmt.Sprintf(`
resource "gpucloud_nova_ssh_key" "k" {
  count      = 6
  label      = "key-${count.index}"
  public_key = %q
}
`, acctest.SSHKeyEd25519)),
			ExpectError: regexp.MustCompile(`(?s)Maximum\s+of\s+5\s+SSH\s+keys\s+reached`),
		}},
	})
}
