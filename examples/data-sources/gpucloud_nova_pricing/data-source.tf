data "gpucloud_nova_pricing" "now" {}

output "rtx_5090_per_hour" {
  value = data.gpucloud_nova_pricing.now.prices["5090"]
}
