# A first GPU instance on Verda: an SSH key, a startup script, a data volume
# and the cheapest available instance with the GPU you ask for. `make demo`
# applies it against the local simulator; with real credentials in
# VERDA_CLIENT_ID and VERDA_CLIENT_SECRET it rents a real machine.
terraform {
  required_providers {
    gpucloud = {
      source = "gpucloud/gpucloud"
    }
  }
}

provider "gpucloud" {
  verda {}
}

variable "ssh_public_key" {
  description = "The public key to log in with."
  type        = string
  default     = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rSNPx9K2mWQ7lWnQvHcMGz2T1G9r0oQy8w2Zx7Uu quickstart@example"
}

variable "gpu_model" {
  description = "The GPU to look for."
  type        = string
  default     = "H100"
}

variable "max_price_per_hour" {
  description = "The most an hour may cost."
  type        = number
  default     = 5
}

data "gpucloud_verda_instance_types" "gpu" {
  gpu_model          = var.gpu_model
  min_gpu_count      = 1
  max_price_per_hour = var.max_price_per_hour
}

locals {
  available = [for t in data.gpucloud_verda_instance_types.gpu.instance_types : t if length(t.available_locations) > 0]
  chosen    = length(local.available) > 0 ? local.available[0] : null
  location  = local.chosen == null ? null : local.chosen.available_locations[0]
}

resource "gpucloud_verda_ssh_key" "me" {
  name       = "quickstart"
  public_key = var.ssh_public_key
}

resource "gpucloud_verda_startup_script" "setup" {
  name   = "quickstart-setup"
  script = <<-EOT
    #!/bin/bash
    set -euo pipefail
    mkdir -p /mnt/data
    nvidia-smi || true
  EOT
}

resource "gpucloud_verda_volume" "data" {
  name          = "quickstart-data"
  size          = 100
  type          = "NVMe"
  location_code = local.location
}

resource "gpucloud_verda_instance" "gpu" {
  instance_type       = local.chosen.instance_type
  image               = "ubuntu-24.04"
  hostname            = "quickstart"
  location_code       = local.location
  ssh_key_ids         = [gpucloud_verda_ssh_key.me.id]
  startup_script_id   = gpucloud_verda_startup_script.setup.id
  existing_volume_ids = [gpucloud_verda_volume.data.id]
  max_price_per_hour  = var.max_price_per_hour

  lifecycle {
    precondition {
      condition     = local.chosen != null
      error_message = "No ${var.gpu_model} instance under ${var.max_price_per_hour}/hour is available anywhere right now."
    }
  }
}

output "instance_type" {
  value = gpucloud_verda_instance.gpu.instance_type
}

output "location" {
  value = gpucloud_verda_instance.gpu.location_code
}

output "ip" {
  value = gpucloud_verda_instance.gpu.ip
}

output "ssh_command" {
  value = "ssh root@${gpucloud_verda_instance.gpu.ip}"
}

output "price_per_hour" {
  description = "Known at plan, from Verda's instance types."
  value       = "${gpucloud_verda_instance.gpu.price_per_hour} ${gpucloud_verda_instance.gpu.currency}"
}

output "volumes" {
  value = gpucloud_verda_instance.gpu.volume_ids
}
