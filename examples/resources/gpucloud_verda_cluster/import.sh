# A cluster is imported by its ID; set shared_volume_on_destroy in the configuration.
terraform import gpucloud_verda_cluster.train a162b28d-aa97-4b79-9032-daa8be16fa2d
