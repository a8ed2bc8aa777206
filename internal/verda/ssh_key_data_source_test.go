package verda_test

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

// A key made before Terraform is found by name or ID; a name that names none
// or several keys fails the plan, saying which.
func TestAccSSHKeyDataSource_byNameOrID(t *testing.T) {
	s := acctest.StartSim(t)
	keys := fmt.Sprintf(`
resource "gpucloud_verda_ssh_key" "laptop" {
  name       = "laptop"
  public_key = %[1]q
}
resource "gpucloud_verda_ssh_key" "ci" {
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
data "gpucloud_verda_ssh_key" "by_name" { name = "laptop" }
data "gpucloud_verda_ssh_key" "by_id" { id = gpucloud_verda_ssh_key.ci[1].id }
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs("data.gpucloud_verda_ssh_key.by_name", tfjsonpath.New("id"), "gpucloud_verda_ssh_key.laptop", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs("data.gpucloud_verda_ssh_key.by_name", tfjsonpath.New("fingerprint"), "gpucloud_verda_ssh_key.laptop", tfjsonpath.New("fingerprint"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.gpucloud_verda_ssh_key.by_id", tfjsonpath.New("name"), knownvalue.StringExact("ci")),
					statecheck.ExpectKnownValue("data.gpucloud_verda_ssh_key.by_id", tfjsonpath.New("public_key"), knownvalue.StringRegexp(regexp.MustCompile(`^ssh-ed25519 `))),
				},
			},
			{
				Config:      s.Config(keys + `data "gpucloud_verda_ssh_key" "several" { name = "ci" }`),
				ExpectError: regexp.MustCompile(`(?s)2\s+Verda\s+SSH\s+keys\s+have\s+the\s+name\s+"ci"\s+\(IDs\s.*\);\s+look\s+one\s+up\s+by\s+id`),
			},
			{
				Config:      s.Config(keys + `data "gpucloud_verda_ssh_key" "none" { name = "nobody" }`),
				ExpectError: regexp.MustCompile(`no\s+Verda\s+SSH\s+key\s+has\s+the\s+name\s+"nobody"`),
			},
			{
				Config:      s.Config(keys + `data "gpucloud_verda_ssh_key" "neither" {}`),
				ExpectError: regexp.MustCompile(`(?s)Missing Attribute Configuration.*id.*name`),
			},
			{Config: s.Config(keys)},
		},
	})
}
