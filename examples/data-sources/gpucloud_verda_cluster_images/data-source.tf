data "gpucloud_verda_cluster_images" "all" {}

output "cluster_images" {
  value = data.gpucloud_verda_cluster_images.all.images[*].image_type
}
