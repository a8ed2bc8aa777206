import {
  to = gpucloud_nova_instance.render
  id = "7c1e2d3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f"
}
