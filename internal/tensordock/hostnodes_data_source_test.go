package tensordock_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simtd "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/tensordock"
)

func ids(names ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(names))
	for i, n := range names {
		checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(n)})
	}
	return knownvalue.ListExact(checks)
}

const (
	nyRTX    = "4b1e0c5a-0000-4000-8000-0000000000a2"
	fiH100   = "4b1e0c5a-0000-4000-8000-0000000000b1"
	deCPU    = "4b1e0c5a-0000-4000-8000-0000000000c1"
	hostnode = "data.gpucloud_tensordock_hostnodes."
)

// The hostnodes filters, cheapest GPU first and CPU-only hostnodes last.
func TestAccHostnodes_filtersCheapestFirst(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`
data "gpucloud_tensordock_hostnodes" "all" {}
data "gpucloud_tensordock_hostnodes" "h100" { gpu_model = "h100-sxm5-80gb" }
data "gpucloud_tensordock_hostnodes" "eight" {
  gpu_model          = "h100-sxm5-80gb"
  min_available_gpus = 8
}
data "gpucloud_tensordock_hostnodes" "finland" { country = "finland" }
data "gpucloud_tensordock_hostnodes" "cheap" { max_gpu_price_per_hour = 1.5 }
data "gpucloud_tensordock_hostnodes" "big" {
  min_vcpus             = 100
  min_ram_gb            = 500
  min_storage_gb        = 8000
  min_uptime_percentage = 99.9
}
data "gpucloud_tensordock_hostnodes" "none" { gpu_model = "b200-sxm6-192gb" }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				// Cheapest GPU first, CPU-only last.
				statecheck.ExpectKnownValue(hostnode+"all", tfjsonpath.New("hostnodes"), ids(nyRTX, fiH100, nyH100, deCPU)),
				statecheck.ExpectKnownValue(hostnode+"h100", tfjsonpath.New("hostnodes"), ids(fiH100, nyH100)),
				statecheck.ExpectKnownValue(hostnode+"h100", tfjsonpath.New("hostnodes").AtSliceIndex(0).AtMapKey("gpu_price_per_hour"), knownvalue.Float64Exact(2.05)),
				statecheck.ExpectKnownValue(hostnode+"eight", tfjsonpath.New("hostnodes"), ids(nyH100)),
				statecheck.ExpectKnownValue(hostnode+"finland", tfjsonpath.New("hostnodes"), ids(fiH100)),
				statecheck.ExpectKnownValue(hostnode+"cheap", tfjsonpath.New("hostnodes"), ids(nyRTX, fiH100)),
				statecheck.ExpectKnownValue(hostnode+"big", tfjsonpath.New("hostnodes"), ids(fiH100)),
				statecheck.ExpectKnownValue(hostnode+"none", tfjsonpath.New("hostnodes"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue(hostnode+"all", tfjsonpath.New("hostnodes").AtSliceIndex(3), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"city": knownvalue.StringExact("Frankfurt"), "gpus": knownvalue.ListSizeExact(0), "gpu_price_per_hour": knownvalue.Null(),
					"vcpu_count": knownvalue.Int64Exact(96), "per_vcpu_hr": knownvalue.Float64Exact(0.003),
				})),
			},
		}},
	})
}

// The cheapest hostnode with an H100, and a machine on it: the shape of
// examples/data-sources/gpucloud_tensordock_hostnodes.
func TestAccHostnodes_cheapestH100FeedsAnInstance(t *testing.T) {
	s := acctest.StartSim(t)
	cfg := s.Config(fmt.Sprintf(`
data "gpucloud_tensordock_hostnodes" "h100" {
  gpu_model          = "h100-sxm5-80gb"
  min_available_gpus = 1
}
resource "gpucloud_tensordock_instance" "test" {
  name           = "cheapest-h100"
  image          = "ubuntu2404"
  hostnode_id    = data.gpucloud_tensordock_hostnodes.h100.hostnodes[0].id
  gpu_model      = "h100-sxm5-80gb"
  vcpu_count     = 8
  ram_gb         = 32
  storage_gb     = 200
  ssh_public_key = %q
  port_forwards  = [{ internal_port = 22, external_port = 40022 }]
  lifecycle {
    ignore_changes = [hostnode_id]
  }
}
`, acctest.SSHKeyEd25519))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(addr, "hostnode_id", knownvalue.StringExact(fiH100)),
					acctest.Value(addr, "rate_hourly", knownvalue.Float64Exact(2.0944)),
				},
			},
			{
				// Helsinki is now sold out: the data source moves on, the instance stays.
				PreConfig: func() {
					s.TensorDock.UpdateStock(func(n map[string]*simtd.Hostnode) { n[fiH100].GPUs["h100-sxm5-80gb"].Available = 0 })
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop),
				}},
			},
		},
	})
}
