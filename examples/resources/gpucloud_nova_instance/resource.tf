resource "gpucloud_nova_ssh_key" "me" {
  label      = "laptop"
  public_key = file("~/.ssh/id_ed25519.pub")
}

resource "gpucloud_nova_instance" "render" {
  node        = "vm01"
  gpu_type    = "5090"
  gpu_count   = 2
  storage_gb  = 200
  image       = "comfyui"
  rental_type = "on_demand"
  ssh_key_id  = gpucloud_nova_ssh_key.me.id
}

output "ssh" {
  value = "ssh root@${gpucloud_nova_instance.render.ip_address}"
}
