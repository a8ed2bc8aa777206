package bench

import (
	"fmt"
	"strings"
	"time"

	simbluelobster "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
	simnova "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/nova"
	simnovitai "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/novitai"
	simtensordock "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/tensordock"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

// Scenario is one configuration applied, planned again and destroyed.
type Scenario struct {
	Name string
	// Verda is how many Verda instances it holds; Spread how many on each
	// of the five clouds.
	Verda, Spread int
}

// Instances is how many instances the scenario creates.
func (s Scenario) Instances() int { return s.Verda + 5*s.Spread }

// VerdaScenario is n Verda instances.
func VerdaScenario(n int) Scenario { return Scenario{Name: fmt.Sprintf("verda-%d", n), Verda: n} }

// SpreadScenario is n instances on each of the five clouds.
func SpreadScenario(n int) Scenario { return Scenario{Name: fmt.Sprintf("spread-%d", 5*n), Spread: n} }

const sshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rSNPx9K2mWQ7lWnQvHcMGz2T1G9r0oQy8w2Zx7Uu bench@example"

// config is the scenario's Terraform configuration against the simulator at base.
func (s Scenario) config(base string, poll time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, `terraform {
  required_providers {
    gpucloud = { source = "gpucloud/gpucloud" }
  }
}

provider "gpucloud" {
  poll_interval = %q
  verda {
    client_id     = %q
    client_secret = %q
    endpoint      = "%s%s"
  }
  tensordock {
    api_token = %q
    endpoint  = "%s%s"
  }
  bluelobster {
    api_key  = %q
    endpoint = "%s%s"
  }
  nova {
    api_key  = %q
    endpoint = "%s%s"
  }
  novitai {
    api_key  = %q
    endpoint = "%s%s"
  }
}
`, poll.String(), simverda.DefaultClientID, simverda.DefaultClientSecret, base, simverda.Prefix,
		simtensordock.DefaultToken, base, simtensordock.Prefix, simbluelobster.DefaultAPIKey, base, simbluelobster.Prefix,
		simnova.ReadWriteKey, base, simnova.Prefix, simnovitai.DefaultAPIKey, base, simnovitai.Prefix)
	if n := s.Verda + s.Spread; n > 0 {
		fmt.Fprintf(&b, `
resource "gpucloud_verda_instance" "fleet" {
  count         = %d
  instance_type = "CPU.4V.16G"
  image         = "ubuntu-24.04"
  hostname      = "bench-${count.index}"
  location_code = "FIN-01"
}
`, n)
	}
	if n := s.Spread; n > 0 {
		fmt.Fprintf(&b, `
resource "gpucloud_tensordock_ssh_key" "bench" {
  name       = "bench"
  public_key = %[2]q
}
resource "gpucloud_tensordock_instance" "fleet" {
  count            = %[1]d
  name             = "bench-${count.index}"
  image            = "debian12"
  hostnode_id      = "4b1e0c5a-0000-4000-8000-0000000000c1"
  vcpu_count       = 2
  ram_gb           = 8
  storage_gb       = 100
  use_dedicated_ip = true
  ssh_key_id       = gpucloud_tensordock_ssh_key.bench.id
}
resource "gpucloud_bluelobster_instance" "fleet" {
  count          = %[1]d
  region         = "phl"
  instance_type  = "cpu_8x"
  name           = "bench-${count.index}"
  ssh_public_key = %[2]q
  template_name  = "UBUNTU-22-04"
}
resource "gpucloud_novitai_instance" "fleet" {
  count        = %[1]d
  name         = "bench-${count.index}"
  product_name = "gpu-basic"
  template_id  = "tmpl-ubuntu-2204"
}
`, n, sshKey)
		// Nova's simulated nodes hold 8, 8 and 4 GPUs.
		for i, node := range novaPlacement(n) {
			if node.count == 0 {
				continue
			}
			fmt.Fprintf(&b, `
resource "gpucloud_nova_instance" "fleet_%[1]d" {
  count         = %[2]d
  node          = %[3]q
  gpu_type      = %[4]q
  gpu_count     = 1
  storage_gb    = 50
  template_vmid = 100
  password      = "bench-password-${count.index}"
}
`, i, node.count, node.name, node.gpu)
		}
	}
	return b.String()
}

type novaNode struct {
	name, gpu string
	count     int
}

func novaPlacement(n int) []novaNode {
	nodes := []novaNode{{"vm01", "5090", 8}, {"vm02", "4090", 8}, {"vm03", "6000pro", 4}}
	for i := range nodes {
		take := min(n, nodes[i].count)
		nodes[i].count, n = take, n-take
	}
	return nodes
}
