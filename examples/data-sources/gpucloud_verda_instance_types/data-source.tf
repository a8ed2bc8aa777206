# The cheapest single-H100 type that can be deployed in FIN-01 right now.
data "gpucloud_verda_instance_types" "h100" {
  gpu_model          = "H100"
  min_gpu_count      = 1
  max_price_per_hour = 4
  location_code      = "FIN-01"
}

output "cheapest_h100" {
  value = try(data.gpucloud_verda_instance_types.h100.instance_types[0].instance_type, null)
}
