data "gpucloud_bluelobster_images" "nvidia" {
  has_nvidia = true
}

output "templates" {
  value = data.gpucloud_bluelobster_images.nvidia.images[*].name
}
