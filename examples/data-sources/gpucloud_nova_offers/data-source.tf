# Works without Nova credentials.
data "gpucloud_nova_offers" "two_gpus" {
  min_gpu_count  = 2
  available_only = true
}

output "cheapest" {
  value = try(data.gpucloud_nova_offers.two_gpus.offers[0], null)
}
