# A backup before an upgrade; the instance keeps running while it is taken.
resource "gpucloud_bluelobster_backup" "before_upgrade" {
  instance_id = gpucloud_bluelobster_instance.db.id
  notes       = "before the PostgreSQL 17 upgrade"
}

output "restore_from" {
  value = gpucloud_bluelobster_backup.before_upgrade.id
}
