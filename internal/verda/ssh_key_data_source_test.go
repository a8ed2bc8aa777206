package verda_test

import (
	"fmt"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// A key made before Terraform is found by name or ID; a name that names none
// or several keys fails the plan, saying which.
func TestAccSSHKeyDataSource_byNameOrID(t *testing.T) {
	acctest.TestLookup(t, acctest.StartSim(t), acctest.Lookup{
		Type: "gpucloud_verda_ssh_key", NameAttr: "name", What: "Verda SSH key",
		Body: fmt.Sprintf("  public_key = %q", acctest.SSHKeyEd25519), Same: []string{"public_key", "fingerprint"},
	})
}
