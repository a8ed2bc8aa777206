data "gpucloud_verda_locations" "finland" {
  country_code = "FI"
}

output "finnish_locations" {
  value = data.gpucloud_verda_locations.finland.locations[*].code
}
