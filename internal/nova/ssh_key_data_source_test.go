package nova_test

import (
	"fmt"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// A key stored before Terraform is found by label or ID; a label that names
// none or several keys fails the plan, saying which.
func TestAccSSHKeyDataSource_byLabelOrID(t *testing.T) {
	acctest.TestLookup(t, acctest.StartSim(t), acctest.Lookup{
		Type: "gpucloud_nova_ssh_key", NameAttr: "label", What: "Nova Cloud SSH key",
		Body: fmt.Sprintf("  public_key = %q", acctest.SSHKeyEd25519), Same: []string{"fingerprint", "key_type"},
	})
}
