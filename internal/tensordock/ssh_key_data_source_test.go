package tensordock_test

import (
	"fmt"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// A key stored before Terraform is found by name or ID; a name that names
// none or several keys fails the plan, saying which.
func TestAccSSHKeyDataSource_byNameOrID(t *testing.T) {
	acctest.TestLookup(t, acctest.StartSim(t), acctest.Lookup{
		Type: "gpucloud_tensordock_ssh_key", NameAttr: "name", What: "TensorDock SSH key",
		Body: fmt.Sprintf("  public_key = %q", acctest.SSHKeyEd25519),
	})
}
