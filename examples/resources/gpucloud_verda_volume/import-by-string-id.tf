import {
  to = gpucloud_verda_volume.datasets
  id = "9609bc1b-e199-4820-8ab8-fdcfe9a4fd65"
}
