# Detached volumes in FIN-01: billed, but attached to nothing.
data "gpucloud_verda_volumes" "fin01" {
  location_code = "FIN-01"
}

output "detached_volumes" {
  value = [for v in data.gpucloud_verda_volumes.fin01.volumes : v.name if length(v.instance_ids) == 0]
}
