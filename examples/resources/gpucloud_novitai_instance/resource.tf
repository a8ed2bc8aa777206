resource "gpucloud_novitai_instance" "trainer" {
  name         = "trainer_1"
  product_name = "gpu-basic"
  template_id  = "tmpl-pytorch-2"
  gpu_num      = 2
  rootfs_size  = 120
  region       = "US-WEST-01"
  billing_mode = "onDemand"
  webhook_url  = "https://hooks.example.com/novitai"
}

output "ssh" {
  value = gpucloud_novitai_instance.trainer.connection_details.ssh
}
