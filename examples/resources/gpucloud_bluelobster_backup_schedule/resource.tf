resource "gpucloud_bluelobster_backup_schedule" "nightly" {
  instance_id     = gpucloud_bluelobster_instance.trainer.id
  frequency       = "daily"
  time_utc        = "03:00"
  retention_count = 14
}
