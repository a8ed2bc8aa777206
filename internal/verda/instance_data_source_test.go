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

// The instance data source finds an instance by ID or hostname, and says
// when a hostname names none or both are given.
func TestAccInstanceDataSource_byIDOrHostname(t *testing.T) {
	s := acctest.StartSim(t)
	base := instanceAndLooseVolume
	lookups := base + `
data "gpucloud_verda_instance" "by_id" { id = gpucloud_verda_instance.a.id }
data "gpucloud_verda_instance" "by_hostname" {
  hostname   = "alpha"
  depends_on = [gpucloud_verda_instance.a]
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{Config: s.Config(base)},
			{
				Config: s.Config(lookups),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs("data.gpucloud_verda_instance.by_id", tfjsonpath.New("ip"), "gpucloud_verda_instance.a", tfjsonpath.New("ip"), compare.ValuesSame()),
					statecheck.CompareValuePairs("data.gpucloud_verda_instance.by_hostname", tfjsonpath.New("id"), "gpucloud_verda_instance.a", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance.by_hostname", tfjsonpath.New("instance_type"), knownvalue.StringExact("1A100.22V")),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance.by_hostname", tfjsonpath.New("price_per_hour"), knownvalue.Float64Exact(1.29)),
					statecheck.ExpectKnownValue("data.gpucloud_verda_instance.by_hostname", tfjsonpath.New("volume_ids"), knownvalue.ListSizeExact(2)),
				},
			},
			{
				Config:      s.Config(base + `data "gpucloud_verda_instance" "missing" { hostname = "nobody" }`),
				ExpectError: regexp.MustCompile(`no Verda instance has the hostname "nobody"`),
			},
			{
				Config:      s.Config(base + `data "gpucloud_verda_instance" "both" {` + "\n" + `id = "x"` + "\n" + `hostname = "y"` + "\n}"),
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination.*id.*hostname`),
			},
			// The post-test destroy runs with the last configuration, so end on a valid one.
			{Config: s.Config(base)},
		},
	})
}
