import {
  to = gpucloud_bluelobster_backup.before_upgrade
  id = "wil-pbs-01:backup/vm/100/2024-01-15T10:30:00Z"
}
