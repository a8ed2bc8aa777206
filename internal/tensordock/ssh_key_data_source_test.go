package tensordock_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// A key stored before Terraform is found by name or ID; a name that names
// none or several keys fails the plan, saying which.
func TestAccSSHKeyDataSource_byNameOrID(t *testing.T) {
	s := acctest.StartSim(t)
	keys := fmt.Sprintf(`
resource "gpucloud_tensordock_ssh_key" "laptop" {
  name       = "laptop"
  public_key = %[1]q
}
resource "gpucloud_tensordock_ssh_key" "ci" {
  count      = 2
  name       = "ci"
  public_key = %[1]q
}
`, acctest.SSHKeyEd25519)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: s.Config(keys)},
			{
				Config: s.Config(keys + `
data "gpucloud_tensordock_ssh_key" "by_name" { name = "laptop" }
data "gpucloud_tensordock_ssh_key" "by_id" { id = gpucloud_tensordock_ssh_key.ci[0].id }
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs("data.gpucloud_tensordock_ssh_key.by_name", tfjsonpath.New("id"), "gpucloud_tensordock_ssh_key.laptop", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.gpucloud_tensordock_ssh_key.by_id", tfjsonpath.New("name"), knownvalue.StringExact("ci")),
				},
			},
			{
				Config:      s.Config(keys + `data "gpucloud_tensordock_ssh_key" "several" { name = "ci" }`),
				ExpectError: regexp.MustCompile(`(?s)2\s+TensorDock\s+SSH\s+keys\s+have\s+the\s+name\s+"ci"`),
			},
			{
				Config:      s.Config(keys + `data "gpucloud_tensordock_ssh_key" "none" { name = "nobody" }`),
				ExpectError: regexp.MustCompile(`no\s+TensorDock\s+SSH\s+key\s+has\s+the\s+name\s+"nobody"`),
			},
			{Config: s.Config(keys)},
		},
	})
}
