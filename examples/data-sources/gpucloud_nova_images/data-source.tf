data "gpucloud_nova_images" "all" {}

output "with_web_ui" {
  value = [for i in data.gpucloud_nova_images.all.images : i.name if strcontains(i.access, "WebUI")]
}
