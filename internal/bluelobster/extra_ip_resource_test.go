package bluelobster_test

import (
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

const ips = `
resource "gpucloud_bluelobster_extra_ip" "a" { instance_id = gpucloud_bluelobster_instance.vm.id }
resource "gpucloud_bluelobster_extra_ip" "b" { instance_id = gpucloud_bluelobster_instance.vm.id }
`

// Two addresses on one instance each keep their own; one released in the
// console is added again; an import takes instance_id/ip_address; a
// destroy releases them.
func TestAccExtraIP_eachKeepsItsOwnAddress(t *testing.T) {
	s := acctest.StartSim(t)
	cfg := s.Config(instanceHCL("ip-box", "running", "") + ips)
	var addrA, instanceID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs("gpucloud_bluelobster_extra_ip.a", tfjsonpath.New("ip_address"),
						"gpucloud_bluelobster_extra_ip.b", tfjsonpath.New("ip_address"), compare.ValuesDiffer()),
					acctest.Value("gpucloud_bluelobster_extra_ip.a", "interface_name", knownvalue.NotNull()),
					acctest.Value("gpucloud_bluelobster_extra_ip.a", "id", knownvalue.StringRegexp(regexp.MustCompile(`^[^/]+/192\.0\.2\.\d+$`))),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.CaptureAttr("gpucloud_bluelobster_extra_ip.a", "ip_address", &addrA),
					acctest.CaptureAttr(inst, "id", &instanceID),
					s.CheckObjectCount("bluelobster", "extra_ip", 2, "two extra addresses"),
				),
			},
			{
				PreConfig: func() {
					if status, body, err := s.Console("bluelobster", http.MethodDelete, "/instances/"+instanceID+"/ips/"+addrA, nil); err != nil || status >= 300 {
						t.Fatalf("releasing %s in the console: %d %s %v", addrA, status, body, err)
					}
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("gpucloud_bluelobster_extra_ip.a", plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("gpucloud_bluelobster_extra_ip.b", plancheck.ResourceActionNoop),
				}},
				Check: s.CheckObjectCount("bluelobster", "extra_ip", 2, "the released address is replaced by a new one"),
			},
			{
				ResourceName: "gpucloud_bluelobster_extra_ip.b", ImportState: true, ImportStateVerify: true,
			},
			{
				ResourceName: "gpucloud_bluelobster_extra_ip.b", ImportState: true, ImportStateId: "only-an-instance",
				ExpectError: regexp.MustCompile(`(?s)Invalid import ID.*instance_id/ip_address`),
			},
			{
				Config: s.Config(instanceHCL("ip-box", "running", "")),
				Check:  s.CheckObjectCount("bluelobster", "extra_ip", 0, "a destroy releases the addresses"),
			},
		},
	})
}
