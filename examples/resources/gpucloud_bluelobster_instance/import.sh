# An instance is imported by its UUID. Blue Lobster does not return the SSH key,
# the template or ISO asked for, or always the metadata: the configuration's
# values are adopted on the next apply without replacing the machine.
terraform import gpucloud_bluelobster_instance.trainer 3f2b9c1e-7d4a-4e8b-9a1f-2c3d4e5f6a7b
