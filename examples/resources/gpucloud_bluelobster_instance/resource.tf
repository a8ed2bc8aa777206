variable "login_password" {
  type      = string
  sensitive = true
}

resource "gpucloud_bluelobster_instance" "trainer" {
  region         = "igl"
  instance_type  = "gpu_1x_a4000"
  name           = "trainer-1"
  ssh_public_key = file("~/.ssh/id_ed25519.pub")
  # Write-only: never stored in state. Bump the version to replace the machine with a new password.
  password_wo         = var.login_password
  password_wo_version = 1
  template_name       = "UBUNTU-22-04-NV"
  metadata = {
    project = "ml-training"
  }
  power_state = "running"
}

output "ssh" {
  value = "ssh ubuntu@${gpucloud_bluelobster_instance.trainer.ip_address}"
}
