# A machine is imported by its cloud and its ID on that cloud. name, the GPU,
# its count, where it runs and its power state are read from the cloud;
# ssh_public_key, image and disk_gb are not reported back and are taken from
# the configuration without replacing the machine.
terraform import gpucloud_gpu_instance.trainer verda/fb68976d-fd34-4b2d-adbe-c205e8e3d1d3
