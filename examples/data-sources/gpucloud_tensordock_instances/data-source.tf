# Every running machine whose name starts with "train-", whoever created it.
data "gpucloud_tensordock_instances" "training" {
  name_regex = "^train-"
  status     = "running"
}

output "training_machines" {
  value = { for i in data.gpucloud_tensordock_instances.training.instances : i.name => i.ip_address }
}
