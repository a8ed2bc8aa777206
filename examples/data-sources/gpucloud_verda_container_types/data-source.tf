data "gpucloud_verda_container_types" "eur" {
  currency = "eur"
}

output "cheapest_serverless_gpu" {
  value = "${data.gpucloud_verda_container_types.eur.container_types[0].name}: ${data.gpucloud_verda_container_types.eur.container_types[0].serverless_price} EUR/h"
}
