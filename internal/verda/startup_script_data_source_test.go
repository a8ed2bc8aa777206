package verda_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// A script made before Terraform is found by name or ID, with its body.
func TestAccStartupScriptDataSource_byNameOrID(t *testing.T) {
	s := acctest.StartSim(t)
	scripts := `
resource "gpucloud_verda_startup_script" "setup" {
  name   = "setup"
  script = "#!/bin/sh\necho ready\n"
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: s.Config(scripts)},
			{
				Config: s.Config(scripts + `
data "gpucloud_verda_startup_script" "by_name" { name = "setup" }
data "gpucloud_verda_startup_script" "by_id" { id = gpucloud_verda_startup_script.setup.id }
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs("data.gpucloud_verda_startup_script.by_name", tfjsonpath.New("id"), "gpucloud_verda_startup_script.setup", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.gpucloud_verda_startup_script.by_name", tfjsonpath.New("script"), knownvalue.StringExact("#!/bin/sh\necho ready\n")),
					statecheck.ExpectKnownValue("data.gpucloud_verda_startup_script.by_id", tfjsonpath.New("name"), knownvalue.StringExact("setup")),
				},
			},
			{
				Config:      s.Config(scripts + `data "gpucloud_verda_startup_script" "none" { id = "00000000-0000-4000-8000-000000000000" }`),
				ExpectError: regexp.MustCompile(`no\s+Verda\s+startup\s+script\s+has\s+the\s+ID\s+"00000000-0000-4000-8000-000000000000"`),
			},
			{Config: s.Config(scripts)},
		},
	})
}
