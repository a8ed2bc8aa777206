# A key stored in Nova Cloud before Terraform, used for a new VM.
data "gpucloud_nova_ssh_key" "laptop" {
  label = "laptop"
}

resource "gpucloud_nova_instance" "vm" {
  node       = "vm01"
  gpu_type   = "5090"
  gpu_count  = 1
  storage_gb = 100
  image      = "ubuntu-24.04"
  ssh_key_id = data.gpucloud_nova_ssh_key.laptop.id
}
