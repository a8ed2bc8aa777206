import {
  to = gpucloud_novitai_instance.trainer
  id = "inst_1697843200_abc123"
}
