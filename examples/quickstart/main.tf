# A first look at the gpucloud provider on Verda: an SSH key, a startup
# script, and what the catalogue offers right now. `make demo` applies it
# against the local simulator; with real credentials in VERDA_CLIENT_ID and
# VERDA_CLIENT_SECRET it works the same against Verda.
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

resource "gpucloud_verda_ssh_key" "me" {
  name       = "quickstart"
  public_key = var.ssh_public_key
}

resource "gpucloud_verda_startup_script" "setup" {
  name   = "quickstart-setup"
  script = <<-EOT
    #!/bin/bash
    set -euo pipefail
    nvidia-smi || true
  EOT
}

data "gpucloud_verda_locations" "all" {}

data "gpucloud_verda_images" "ubuntu" {
  category = "ubuntu"
}

data "gpucloud_verda_volume_types" "block" {
  shared_fs = false
}

data "gpucloud_verda_instance_types" "gpu" {
  gpu_model     = var.gpu_model
  min_gpu_count = 1
}

locals {
  available = [for t in data.gpucloud_verda_instance_types.gpu.instance_types : t if length(t.available_locations) > 0]
}

output "ssh_key_fingerprint" {
  value = gpucloud_verda_ssh_key.me.fingerprint
}

output "startup_script_id" {
  value = gpucloud_verda_startup_script.setup.id
}

output "locations" {
  value = [for l in data.gpucloud_verda_locations.all.locations : "${l.code} (${l.name})"]
}

output "default_image" {
  value = one([for i in data.gpucloud_verda_images.ubuntu.images : i.image_type if i.is_default])
}

output "volume_price_per_gb_month" {
  value = { for v in data.gpucloud_verda_volume_types.block.volume_types : v.type => v.price_per_month_per_gb }
}

output "cheapest_available_gpu" {
  value = length(local.available) == 0 ? null : {
    instance_type  = local.available[0].instance_type
    price_per_hour = local.available[0].price_per_hour
    locations      = local.available[0].available_locations
  }
}
