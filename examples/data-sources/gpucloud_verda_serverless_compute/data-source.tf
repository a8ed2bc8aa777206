data "gpucloud_verda_serverless_compute" "available" {
  available_only = true
}

output "h100_sizes" {
  value = [for c in data.gpucloud_verda_serverless_compute.available.compute : c.size if c.name == "H100"]
}
