package nova_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// The documented templates, with no credentials.
func TestAccImages_documentedTemplatesWithoutCredentials(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: publicConfig(s, `
data "gpucloud_nova_images" "all" {}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gpucloud_nova_images.all", tfjsonpath.New("images").AtSliceIndex(2), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"template_vmid": knownvalue.Int64Exact(102), "name": knownvalue.StringExact("stable-diffusion"),
				})),
			},
		}},
	})
	checkNoLogin(t, s)
}
