# A small module of your own: a GPU box on Verda with your key, on the
# cheapest instance type that has the GPU you ask for at a price you accept.
# tests/ holds its `terraform test` suite, which run-tests.sh runs against
# gpucloud-sim: no account, no cost.
terraform {
  required_providers {
    gpucloud = {
      source = "gpucloud/gpucloud"
    }
  }
}

variable "name" {
  description = "The box's hostname."
  type        = string
  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", var.name))
    error_message = "name must be lower-case letters, digits and hyphens."
  }
}

variable "ssh_public_key" {
  description = "The public key to log in with."
  type        = string
}

variable "gpu_model" {
  description = "The GPU to look for, such as H100."
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
}

resource "gpucloud_verda_ssh_key" "me" {
  name       = var.name
  public_key = var.ssh_public_key
}

resource "gpucloud_verda_instance" "box" {
  instance_type      = local.chosen.instance_type
  image              = "ubuntu-24.04"
  hostname           = var.name
  location_code      = local.chosen.available_locations[0]
  ssh_key_ids        = [gpucloud_verda_ssh_key.me.id]
  volumes_on_destroy = "delete_permanently"

  lifecycle {
    precondition {
      condition     = local.chosen != null
      error_message = "No ${var.gpu_model} is available for at most ${var.max_price_per_hour} an hour."
    }
  }
}

output "instance_type" {
  value = gpucloud_verda_instance.box.instance_type
}

output "price_per_hour" {
  value = gpucloud_verda_instance.box.price_per_hour
}

output "ssh_command" {
  value = "ssh root@${gpucloud_verda_instance.box.ip}"
}
