# Every 4090 VM on node vm02, whoever created it.
data "gpucloud_nova_instances" "vm02" {
  node     = "vm02"
  gpu_type = "4090"
}

output "vm02_labels" {
  value = data.gpucloud_nova_instances.vm02.instances[*].instance_label
}
