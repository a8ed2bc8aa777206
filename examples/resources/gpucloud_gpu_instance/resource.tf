# One H100 on whichever of the configured clouds is cheapest when it is
# created; if that cloud has no capacity, the next offer is tried.
resource "gpucloud_gpu_instance" "trainer" {
  name               = "trainer"
  gpu_models         = ["H100-80GB"]
  gpu_count          = 1
  max_price_per_hour = 3.5
  clouds             = ["verda", "tensordock", "bluelobster", "nova"]
  countries          = ["US", "FI"]
  image              = "ubuntu-22.04"
  ssh_public_key     = file("~/.ssh/id_ed25519.pub")
}

output "login" {
  value = gpucloud_gpu_instance.trainer.ssh_command
}

output "runs_on" {
  value = "${gpucloud_gpu_instance.trainer.cloud} ${gpucloud_gpu_instance.trainer.instance_type} in ${gpucloud_gpu_instance.trainer.location}"
}
