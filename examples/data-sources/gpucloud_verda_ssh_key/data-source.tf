# A key stored in the Verda console before Terraform.
data "gpucloud_verda_ssh_key" "laptop" {
  name = "laptop"
}

resource "gpucloud_verda_instance" "gpu" {
  instance_type = "1H100.80S.22V"
  image         = "ubuntu-24.04-cuda-12.8-open-docker"
  hostname      = "train-1"
  location_code = "FIN-01"
  ssh_key_ids   = [data.gpucloud_verda_ssh_key.laptop.id]
}
