# An SSH key is imported by its ID.
terraform import gpucloud_verda_ssh_key.deploy 8c50b448-5fcd-4023-895b-68267f75078a
