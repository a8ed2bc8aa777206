# A startup script the team keeps in the Verda console.
data "gpucloud_verda_startup_script" "setup" {
  name = "team-setup"
}

output "setup_script_id" {
  value = data.gpucloud_verda_startup_script.setup.id
}
