resource "gpucloud_bluelobster_extra_ip" "service" {
  count       = 2
  instance_id = gpucloud_bluelobster_instance.trainer.id
}

output "extra_ips" {
  value = gpucloud_bluelobster_extra_ip.service[*].ip_address
}
