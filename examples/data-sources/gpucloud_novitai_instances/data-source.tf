data "gpucloud_novitai_instances" "running" {
  status = "running"
}

output "running_names" {
  value = data.gpucloud_novitai_instances.running.instances[*].name
}
