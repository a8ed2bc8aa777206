# A backup is imported by its volid, as gpucloud_bluelobster_backups lists it.
terraform import gpucloud_bluelobster_backup.before_upgrade 'wil-pbs-01:backup/vm/100/2024-01-15T10:30:00Z'
