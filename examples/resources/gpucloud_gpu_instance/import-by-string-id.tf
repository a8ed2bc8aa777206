import {
  to = gpucloud_gpu_instance.trainer
  id = "tensordock/0b1c6a5e-6c2e-4d4b-9a83-3f1f7e2c9d10"
}
