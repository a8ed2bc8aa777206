# The cheapest single H100 on any configured cloud, under 4 an hour.
data "gpucloud_gpu_offers" "h100" {
  gpu_models         = ["H100-80GB"]
  min_gpu_count      = 1
  max_price_per_hour = 4
}

output "cheapest_h100" {
  value = data.gpucloud_gpu_offers.h100.cheapest == null ? null : {
    cloud    = data.gpucloud_gpu_offers.h100.cheapest.cloud
    where    = data.gpucloud_gpu_offers.h100.cheapest.location
    per_hour = data.gpucloud_gpu_offers.h100.cheapest.price_per_hour
  }
}
