resource "gpucloud_verda_ssh_key" "me" {
  name       = "me"
  public_key = file("~/.ssh/id_ed25519.pub")
}

resource "gpucloud_verda_instance" "trainer" {
  instance_type = "1H100.80S.22V"
  image         = "ubuntu-24.04-cuda-12.8-open-docker"
  hostname      = "trainer-1"
  description   = "fine-tuning run"
  location_code = "FIN-01"
  ssh_key_ids   = [gpucloud_verda_ssh_key.me.id]

  os_volume = {
    name = "trainer-1-os"
    size = 200
  }
  volumes = [
    { name = "trainer-1-datasets", size = 1000, type = "NVMe" },
  ]

  # Set to "stopped" to shut it down between runs (still billed while stopped).
  power_state = "running"

  # What destroy does with the OS volume and the volumes created above.
  volumes_on_destroy = "move_to_trash"

  timeouts = {
    create = "45m"
  }
}

output "ssh" {
  value = "ssh root@${gpucloud_verda_instance.trainer.ip}"
}
