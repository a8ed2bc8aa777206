package nova_test

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

// A key stored before Terraform is found by label or ID; a label that names
// none or several keys fails the plan, saying which.
func TestAccSSHKeyDataSource_byLabelOrID(t *testing.T) {
	s := acctest.StartSim(t)
	keys := fmt.Sprintf(`
resource "gpucloud_nova_ssh_key" "laptop" {
  label      = "laptop"
  public_key = %[1]q
}
resource "gpucloud_nova_ssh_key" "ci" {
  count      = 2
  label      = "ci"
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
data "gpucloud_nova_ssh_key" "by_label" { label = "laptop" }
data "gpucloud_nova_ssh_key" "by_id" { id = gpucloud_nova_ssh_key.ci[0].id }
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs("data.gpucloud_nova_ssh_key.by_label", tfjsonpath.New("id"), "gpucloud_nova_ssh_key.laptop", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs("data.gpucloud_nova_ssh_key.by_label", tfjsonpath.New("fingerprint"), "gpucloud_nova_ssh_key.laptop", tfjsonpath.New("fingerprint"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.gpucloud_nova_ssh_key.by_id", tfjsonpath.New("label"), knownvalue.StringExact("ci")),
				},
			},
			{
				Config:      s.Config(keys + `data "gpucloud_nova_ssh_key" "several" { label = "ci" }`),
				ExpectError: regexp.MustCompile(`(?s)2\s+Nova\s+Cloud\s+SSH\s+keys\s+have\s+the\s+label\s+"ci"`),
			},
			{
				Config:      s.Config(keys + `data "gpucloud_nova_ssh_key" "none" { label = "nobody" }`),
				ExpectError: regexp.MustCompile(`no\s+Nova\s+Cloud\s+SSH\s+key\s+has\s+the\s+label\s+"nobody"`),
			},
			{Config: s.Config(keys)},
		},
	})
}
