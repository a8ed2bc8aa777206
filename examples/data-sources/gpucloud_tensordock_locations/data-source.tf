data "gpucloud_tensordock_locations" "all" {}

output "h100_locations" {
  value = [for l in data.gpucloud_tensordock_locations.all.locations : "${l.city}, ${l.country}" if anytrue([for g in l.gpus : g.v0_name == "h100-sxm5-80gb"])]
}
