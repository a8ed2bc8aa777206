import {
  to = gpucloud_verda_instance.trainer
  id = "fb68976d-fd34-4b2d-adbe-c205e8e3d1d3"
}
