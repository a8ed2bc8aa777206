# Team A's running instances in FIN-01, whoever created them.
data "gpucloud_verda_instances" "team_a" {
  name_regex    = "^team-a-"
  status        = "running"
  location_code = "FIN-01"
}

output "team_a_ips" {
  value = { for i in data.gpucloud_verda_instances.team_a.instances : i.hostname => i.ip }
}
