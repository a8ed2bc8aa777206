import {
  to = gpucloud_verda_cluster.train
  id = "a162b28d-aa97-4b79-9032-daa8be16fa2d"
}
