# An instance is imported by its ID. TensorDock does not report image,
# hostnode_id, location_id, SSH keys, cloud_init or the ports asked for; the
# configuration's values are adopted on the next apply without replacing it.
terraform import gpucloud_tensordock_instance.box 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0
