data "gpucloud_novitai_instance" "existing" {
  id = "inst_1697843200_abc123"
}

output "jupyter" {
  value = data.gpucloud_novitai_instance.existing.connection_details.jupyter
}
