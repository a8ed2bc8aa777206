import {
  to = gpucloud_bluelobster_extra_ip.service[0]
  id = "3f2b9c1e-7d4a-4e8b-9a1f-2c3d4e5f6a7b/98.115.241.74"
}
