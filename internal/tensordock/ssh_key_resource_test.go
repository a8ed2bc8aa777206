package tensordock_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// A key is created, replaced when renamed, imported (taking the key from
// the configuration, which TensorDock never returns) and checked at plan.
func TestAccSSHKey_lifecycleAndImport(t *testing.T) {
	s := acctest.StartSim(t)
	var id string
	cfg := func(name string) string {
		return s.Config(fmt.Sprintf(`
resource "gpucloud_tensordock_ssh_key" "k" {
  name       = %q
  public_key = %q
}
`, name, acctest.SSHKeyEd25519))
	}
	keyAddr := "gpucloud_tensordock_ssh_key.k"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: cfg("laptop"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(keyAddr, tfjsonpath.New("fingerprint"), knownvalue.StringExact("SHA256:9EFndvM479KqYw18aWFLItjob4lSJ5v+EL7Uz3v9dOU")),
				},
				Check: acctest.CaptureAttr(keyAddr, "id", &id),
			},
			{
				Config: cfg("desktop"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: s.CheckObjectCount("tensordock", "ssh_key", 1, "the replaced key must be deleted"),
			},
			{ResourceName: keyAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"public_key", "fingerprint"}},
			{
				Config: cfg("desktop"), ResourceName: keyAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithID, ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(keyAddr, plancheck.ResourceActionUpdate),
				}},
			},
			{Config: cfg("desktop"), PlanOnly: true, ExpectError: nil},
			{Config: s.Config(`resource "gpucloud_tensordock_ssh_key" "k" {` + "\n" + `name = "x"` + "\n" + `public_key = "nope"` + "\n}"), PlanOnly: true, ExpectError: regexp.MustCompile(`Invalid SSH public key`)},
			{Config: cfg("desktop")},
		},
	})
}
