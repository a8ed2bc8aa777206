# The cheapest single-GPU type with capacity in igl right now.
data "gpucloud_bluelobster_instance_types" "gpu" {
  min_gpu_count = 1
  region        = "igl"
}

output "cheapest" {
  value = try(data.gpucloud_bluelobster_instance_types.gpu.instance_types[0].name, null)
}
