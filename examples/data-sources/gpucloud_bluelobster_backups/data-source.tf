data "gpucloud_bluelobster_backups" "trainer" {
  instance_id = gpucloud_bluelobster_instance.trainer.id
}

output "latest_backup" {
  value = try(reverse(data.gpucloud_bluelobster_backups.trainer.backups)[0].volid, null)
}
