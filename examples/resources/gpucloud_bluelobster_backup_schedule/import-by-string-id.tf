import {
  to = gpucloud_bluelobster_backup_schedule.nightly
  id = "3f2b9c1e-7d4a-4e8b-9a1f-2c3d4e5f6a7b"
}
