package bluelobster_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

const inst = "gpucloud_bluelobster_instance.vm"

func instanceHCL(name, power, extra string) string {
	return fmt.Sprintf(`
resource "gpucloud_bluelobster_instance" "vm" {
  region         = "igl"
  instance_type  = "gpu_1x_a4000"
  name           = %q
  ssh_public_key = %q
  password       = "correct-horse-battery"
  template_name  = "UBUNTU-22-04-NV"
  metadata       = { project = "ml" }
  power_state    = %q
%s
}
`, name, acctest.SSHKeyEd25519+"\n", power, extra)
}

const stack = `
resource "gpucloud_bluelobster_firewall" "fw" {
  instance_id = gpucloud_bluelobster_instance.vm.id
  policy_in   = "drop"
  rules = [
    { type = "in", action = "accept", dport = "22", source = "10.0.0.0/8", comment = "ssh" },
    { type = "in", action = "ACCEPT", dport = "80,443" },
  ]
}
resource "gpucloud_bluelobster_backup_schedule" "daily" {
  instance_id = gpucloud_bluelobster_instance.vm.id
  frequency   = "daily"
  time_utc    = "03:00"
}
resource "gpucloud_bluelobster_extra_ip" "a" { instance_id = gpucloud_bluelobster_instance.vm.id }
resource "gpucloud_bluelobster_extra_ip" "b" { instance_id = gpucloud_bluelobster_instance.vm.id }
`

// expectPlanErrors plans each configuration and expects its error; none
// may reach Blue Lobster's launch.
func expectPlanErrors(t *testing.T, s *acctest.Sim, cases map[string]string) {
	t.Helper()
	for hcl, want := range cases {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps:                    []resource.TestStep{{Config: s.Config(hcl), PlanOnly: true, ExpectError: regexp.MustCompile(want)}},
		})
	}
	if n := s.Requests("POST /bluelobster/api/v1/instances/launch-instance", ""); n != 0 {
		t.Fatalf("bad input must fail before any launch; %d were sent", n)
	}
}
