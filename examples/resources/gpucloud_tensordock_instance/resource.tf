resource "gpucloud_tensordock_ssh_key" "me" {
  name       = "me"
  public_key = file("~/.ssh/id_ed25519.pub")
}

resource "gpucloud_tensordock_instance" "box" {
  name        = "inference-1"
  image       = "ubuntu2404"
  hostnode_id = "4b1e0c5a-0000-4000-8000-0000000000a1"
  vcpu_count  = 8
  ram_gb      = 32
  storage_gb  = 200
  gpu_model   = "h100-sxm5-80gb"
  gpu_count   = 1
  ssh_key_id  = gpucloud_tensordock_ssh_key.me.id

  # Ubuntu images need port 22 forwarded unless use_dedicated_ip = true.
  port_forwards = [
    { internal_port = 22, external_port = 20022 },
    { internal_port = 8000, external_port = 20080 },
  ]

  cloud_init = {
    package_update = true
    packages       = ["git", "htop"]
    runcmd         = ["nvidia-smi"]
  }
}

locals {
  # TensorDock may give other external ports than asked; use the assigned ones.
  ssh_port = one([for p in gpucloud_tensordock_instance.box.assigned_port_forwards : p.external_port if p.internal_port == 22])
}

output "ssh" {
  value = "ssh -p ${local.ssh_port} user@${gpucloud_tensordock_instance.box.ip_address}"
}
