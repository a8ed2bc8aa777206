variable "login_password" {
  type      = string
  sensitive = true
}

resource "gpucloud_bluelobster_instance" "trainer" {
  region         = "igl"
  instance_type  = "gpu_1x_a4000"
  name           = "trainer-1"
  ssh_public_key = file("~/.ssh/id_ed25519.pub")
  password       = var.login_password # write-only: never stored in state
  template_name  = "UBUNTU-22-04-NV"
  metadata = {
    project = "ml-training"
  }
  power_state = "running"
}

output "ssh" {
  value = "ssh ubuntu@${gpucloud_bluelobster_instance.trainer.ip_address}"
}
