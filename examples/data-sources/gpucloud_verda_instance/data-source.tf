data "gpucloud_verda_instance" "bastion" {
  hostname = "bastion"
}

output "bastion_ip" {
  value = data.gpucloud_verda_instance.bastion.ip
}
