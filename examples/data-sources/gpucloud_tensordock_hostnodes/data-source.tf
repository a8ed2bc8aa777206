# The cheapest hostnode with a free H100, and a machine on it.
data "gpucloud_tensordock_hostnodes" "h100" {
  gpu_model             = "h100-sxm5-80gb"
  min_available_gpus    = 1
  min_vcpus             = 8
  min_ram_gb            = 32
  min_uptime_percentage = 99
}

resource "gpucloud_tensordock_instance" "cheapest_h100" {
  name           = "cheapest-h100"
  image          = "ubuntu2404"
  hostnode_id    = data.gpucloud_tensordock_hostnodes.h100.hostnodes[0].id
  gpu_model      = "h100-sxm5-80gb"
  vcpu_count     = 8
  ram_gb         = 32
  storage_gb     = 200
  ssh_public_key = file("~/.ssh/id_ed25519.pub")
  port_forwards  = [{ internal_port = 22, external_port = 20022 }]

  lifecycle {
    # Stock moves: without this, a cheaper hostnode tomorrow would replace the machine.
    ignore_changes = [hostnode_id]
  }
}

output "price_per_hour" {
  value = gpucloud_tensordock_instance.cheapest_h100.price_per_hour
}
