# Launches one GPU instance on whichever configured cloud offers the GPU
# cheapest right now. The provider block is the caller's: configure the clouds
# you have accounts with, and only those are searched.
terraform {
  required_providers {
    gpucloud = {
      source = "gpucloud/gpucloud"
    }
  }
}

variable "gpu_model" {
  description = "GPU in the provider's canonical naming, such as H100-80GB or RTX4090-24GB."
  type        = string
}

variable "gpu_count" {
  description = "How many GPUs."
  type        = number
  default     = 1
}

variable "max_price_per_hour" {
  description = "The most the instance may cost an hour."
  type        = number
}

variable "ssh_public_key" {
  description = "The public key to log in with."
  type        = string
}

variable "name" {
  description = "Name of the instance (letters, digits and hyphens)."
  type        = string
  default     = "cheapest-gpu"
}

variable "exchange_rates" {
  description = "How many US dollars one unit of another currency buys, such as { EUR = 1.08 }. Offers priced in a currency with no rate are left out."
  type        = map(number)
  default     = {}
}

variable "pin_cloud" {
  description = "Keep the instance on this cloud (verda, tensordock, bluelobster or nova) whatever the prices elsewhere. Unset to follow the cheapest offer."
  type        = string
  default     = null
}

data "gpucloud_gpu_offers" "match" {
  gpu_models         = [var.gpu_model]
  min_gpu_count      = var.gpu_count
  max_price_per_hour = var.max_price_per_hour
  clouds             = var.pin_cloud == null ? null : [var.pin_cloud]
  currency           = "USD"
  exchange_rates     = var.exchange_rates
}

locals {
  # Offers of exactly this many GPUs that the cloud's instance resource can launch.
  exact = [for o in data.gpucloud_gpu_offers.match.offers : o if o.gpu_count == var.gpu_count && o.launchable]
  offer = length(local.exact) > 0 ? local.exact[0] : null
  cloud = local.offer == null ? "none" : local.offer.cloud
}

# Verda
resource "gpucloud_verda_ssh_key" "this" {
  count      = local.cloud == "verda" ? 1 : 0
  name       = var.name
  public_key = var.ssh_public_key
}

resource "gpucloud_verda_instance" "this" {
  count              = local.cloud == "verda" ? 1 : 0
  instance_type      = local.offer.verda_instance_type
  location_code      = local.offer.verda_location_code
  image              = "ubuntu-24.04"
  hostname           = var.name
  ssh_key_ids        = [gpucloud_verda_ssh_key.this[0].id]
  volumes_on_destroy = "delete_permanently"

  lifecycle {
    # A cheaper offer later must not replace a running machine.
    ignore_changes = [instance_type, location_code]
  }
}

# TensorDock
resource "gpucloud_tensordock_instance" "this" {
  count          = local.cloud == "tensordock" ? 1 : 0
  name           = var.name
  image          = "ubuntu2404"
  hostnode_id    = local.offer.tensordock_hostnode_id
  gpu_model      = local.offer.tensordock_gpu_model
  gpu_count      = var.gpu_count
  vcpu_count     = local.offer.tensordock_vcpu_count
  ram_gb         = local.offer.tensordock_ram_gb
  storage_gb     = 200
  ssh_public_key = var.ssh_public_key
  port_forwards  = [{ internal_port = 22, external_port = 22022 }]

  lifecycle {
    ignore_changes = [hostnode_id, gpu_model, vcpu_count, ram_gb]
  }
}

# Blue Lobster
resource "gpucloud_bluelobster_instance" "this" {
  count          = local.cloud == "bluelobster" ? 1 : 0
  region         = local.offer.bluelobster_region
  instance_type  = local.offer.bluelobster_instance_type
  name           = var.name
  ssh_public_key = var.ssh_public_key
  template_name  = "UBUNTU-22-04-NV"

  lifecycle {
    ignore_changes = [region, instance_type]
  }
}

# Nova Cloud
resource "gpucloud_nova_ssh_key" "this" {
  count      = local.cloud == "nova" ? 1 : 0
  label      = var.name
  public_key = var.ssh_public_key
}

resource "gpucloud_nova_instance" "this" {
  count      = local.cloud == "nova" ? 1 : 0
  node       = local.offer.nova_node
  gpu_type   = local.offer.nova_gpu_type
  gpu_count  = var.gpu_count
  storage_gb = 100
  image      = "ubuntu-24.04"
  ssh_key_id = gpucloud_nova_ssh_key.this[0].id

  lifecycle {
    ignore_changes = [node, gpu_type]
  }
}

locals {
  tensordock_ssh_port = one(flatten([for i in gpucloud_tensordock_instance.this : [for p in i.assigned_port_forwards : p.external_port if p.internal_port == 22]]))
  ip = one(concat(
    gpucloud_verda_instance.this[*].ip,
    gpucloud_tensordock_instance.this[*].ip_address,
    gpucloud_bluelobster_instance.this[*].ip_address,
    gpucloud_nova_instance.this[*].ip_address,
  ))
  ssh_user = { verda = "root", tensordock = "user", bluelobster = "ubuntu", nova = "root" }
  price = one(concat(
    gpucloud_verda_instance.this[*].price_per_hour,
    gpucloud_tensordock_instance.this[*].price_per_hour,
    gpucloud_bluelobster_instance.this[*].price_per_hour,
    gpucloud_nova_instance.this[*].price_per_hour,
  ))
}

output "cloud" {
  description = "The cloud the instance runs on."
  value       = local.cloud

  precondition {
    condition     = local.offer != null
    error_message = "No ${var.gpu_count}x ${var.gpu_model} that can be launched is offered under ${var.max_price_per_hour}/hour on the configured clouds right now."
  }
}

output "offer" {
  description = "The offer that was chosen."
  value       = local.offer
}

output "ip" {
  description = "The instance's IP address."
  value       = local.ip
}

output "ssh_command" {
  description = "How to log in."
  value = local.ip == null ? null : format("ssh%s %s@%s",
  local.cloud == "tensordock" ? " -p ${coalesce(local.tensordock_ssh_port, 22)}" : "", local.ssh_user[local.cloud], local.ip)
}

output "price_per_hour" {
  description = "What the instance costs an hour, as its cloud reports it."
  value       = local.price
}
