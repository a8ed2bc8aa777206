# A VM is imported by its ID. Nova Cloud does not return ssh_key_id or image:
# they are adopted from the configuration on the next apply without replacing it.
terraform import gpucloud_nova_instance.render 7c1e2d3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f
