# A volume is imported by its ID.
terraform import gpucloud_verda_volume.datasets 9609bc1b-e199-4820-8ab8-fdcfe9a4fd65
