data "gpucloud_verda_volume_types" "block" {
  shared_fs = false
}

output "volume_prices" {
  value = { for v in data.gpucloud_verda_volume_types.block.volume_types : v.type => v.price_per_month_per_gb }
}
