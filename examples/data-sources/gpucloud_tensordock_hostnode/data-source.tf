data "gpucloud_tensordock_hostnode" "chosen" {
  id = "4b1e0c5a-0000-4000-8000-0000000000a1"
}

output "free_ports" {
  value = slice(data.gpucloud_tensordock_hostnode.chosen.available_ports, 0, 5)
}
