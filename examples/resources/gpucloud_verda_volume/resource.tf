resource "gpucloud_verda_instance" "worker" {
  instance_type = "1A100.22V"
  image         = "ubuntu-24.04"
  hostname      = "worker"
  location_code = "FIN-01"
  # Verda attaches volumes only to shut-down instances.
  power_state = "stopped"
}

resource "gpucloud_verda_volume" "datasets" {
  name          = "datasets"
  size          = 2000
  type          = "NVMe"
  location_code = "FIN-01"
  instance_ids  = [gpucloud_verda_instance.worker.id]
}
