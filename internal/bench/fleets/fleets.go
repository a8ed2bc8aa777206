// Package fleets writes the Terraform resources of a fleet of instances on
// the simulated clouds, for the benchmark and the tests that measure how
// requests scale with fleet size.
package fleets

import (
	"fmt"
	"strings"
)

// SSHKey is a public key for the fleets' machines; no private half exists.
const SSHKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rSNPx9K2mWQ7lWnQvHcMGz2T1G9r0oQy8w2Zx7Uu fleet@example"

// Verda is n Verda instances, hostnames fleet-0 and on.
func Verda(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(`
resource "gpucloud_verda_instance" "fleet" {
  count         = %d
  instance_type = "CPU.4V.16G"
  image         = "ubuntu-24.04"
  hostname      = "fleet-${count.index}"
  location_code = "FIN-01"
}
`, n)
}

// Others is n instances on each of TensorDock, Blue Lobster, Nova and
// novitai. The simulated Nova nodes hold 8, 8 and 4 GPUs, so n is at most 20.
func Others(n int) string {
	if n <= 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, `
resource "gpucloud_tensordock_ssh_key" "fleet" {
  name       = "fleet"
  public_key = %[2]q
}
resource "gpucloud_tensordock_instance" "fleet" {
  count            = %[1]d
  name             = "fleet-${count.index}"
  image            = "debian12"
  hostnode_id      = "4b1e0c5a-0000-4000-8000-0000000000c1"
  vcpu_count       = 2
  ram_gb           = 8
  storage_gb       = 100
  use_dedicated_ip = true
  ssh_key_id       = gpucloud_tensordock_ssh_key.fleet.id
}
resource "gpucloud_bluelobster_instance" "fleet" {
  count          = %[1]d
  region         = "phl"
  instance_type  = "cpu_8x"
  name           = "fleet-${count.index}"
  ssh_public_key = %[2]q
  template_name  = "UBUNTU-22-04"
}
resource "gpucloud_novitai_instance" "fleet" {
  count        = %[1]d
  name         = "fleet-${count.index}"
  product_name = "gpu-basic"
  template_id  = "tmpl-ubuntu-2204"
}
`, n, SSHKey)
	nodes := []struct {
		name, gpu string
		room      int
	}{{"vm01", "5090", 8}, {"vm02", "4090", 8}, {"vm03", "6000pro", 4}}
	for _, node := range nodes {
		count := min(n, node.room)
		if count == 0 {
			break
		}
		n -= count
		fmt.Fprintf(&b, `
resource "gpucloud_nova_instance" "fleet_%[1]s" {
  count         = %[2]d
  node          = %[1]q
  gpu_type      = %[3]q
  gpu_count     = 1
  storage_gb    = 50
  template_vmid = 100
  password      = "fleet-password-${count.index}"
}
`, node.name, count, node.gpu)
	}
	return b.String()
}
