# A key stored in the TensorDock dashboard before Terraform.
data "gpucloud_tensordock_ssh_key" "laptop" {
  name = "laptop"
}

output "laptop_key_id" {
  value = data.gpucloud_tensordock_ssh_key.laptop.id
}
