package novitai_test

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

// One instance by ID, with its connection details.
func TestAccInstanceDataSource_byIDWithConnectionDetails(t *testing.T) {
	s := acctest.StartSim(t)
	base := hcl("listed", "tmpl-ubuntu-2204", `  region = "EU-WEST-01"`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: s.Config(base)},
			{
				Config: s.Config(base + `data "gpucloud_novitai_instance" "one" { id = gpucloud_novitai_instance.gpu.id }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.gpucloud_novitai_instance.one", tfjsonpath.New("connection_details").AtMapKey("jupyter"), knownvalue.StringRegexp(regexp.MustCompile(`:8888$`))),
					statecheck.CompareValuePairs("data.gpucloud_novitai_instance.one", tfjsonpath.New("id"), inst, tfjsonpath.New("id"), compare.ValuesSame()),
					acctest.Value("data.gpucloud_novitai_instance.one", "status", knownvalue.StringExact("running")),
				},
			},
		},
	})
}
