import {
  to = gpucloud_tensordock_instance.box
  id = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
}
