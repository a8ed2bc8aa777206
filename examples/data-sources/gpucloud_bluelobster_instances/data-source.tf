# Every instance in the igl region whose name starts with "render-".
data "gpucloud_bluelobster_instances" "render" {
  name_regex = "^render-"
  region     = "igl"
}

output "render_ips" {
  value = { for i in data.gpucloud_bluelobster_instances.render.instances : i.name => i.ip_address }
}
