# Launches one GPU machine on whichever configured cloud offers it cheapest
# right now, trying the next offer when a cloud has no capacity. The provider
# block is the caller's: configure the clouds you have accounts with, and
# only those are searched.
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
  description = "How many GPUs: 1, 2, 4 or 8."
  type        = number
  default     = 1
}

variable "max_price_per_hour" {
  description = "The most the machine may cost an hour, in US dollars."
  type        = number
}

variable "ssh_public_key" {
  description = "The public key to log in with."
  type        = string
}

variable "name" {
  description = "Name of the machine (letters, digits and hyphens)."
  type        = string
  default     = "cheapest-gpu"
}

variable "clouds" {
  description = "Clouds allowed (verda, tensordock, bluelobster, nova); null for every configured one."
  type        = list(string)
  default     = null
}

variable "exchange_rates" {
  description = "How many US dollars one unit of another currency buys, such as { EUR = 1.08 }. Offers priced in a currency with no rate are not tried."
  type        = map(number)
  default     = {}
}

resource "gpucloud_gpu_instance" "this" {
  name               = var.name
  gpu_models         = [var.gpu_model]
  gpu_count          = var.gpu_count
  max_price_per_hour = var.max_price_per_hour
  clouds             = var.clouds
  exchange_rates     = var.exchange_rates
  image              = "ubuntu-22.04"
  ssh_public_key     = var.ssh_public_key
}

output "cloud" {
  description = "The cloud the machine runs on."
  value       = gpucloud_gpu_instance.this.cloud
}

output "ip" {
  description = "The machine's IP address."
  value       = gpucloud_gpu_instance.this.ip
}

output "ssh_command" {
  description = "How to log in."
  value       = gpucloud_gpu_instance.this.ssh_command
}

output "price_per_hour" {
  description = "What the machine costs an hour, from the offer it was launched on."
  value       = gpucloud_gpu_instance.this.price_per_hour
}

output "attempts" {
  description = "The offers tried, and how each went."
  value       = gpucloud_gpu_instance.this.attempts
}
