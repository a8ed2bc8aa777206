# A key is imported by its secret ID; public_key is then taken from the configuration.
terraform import gpucloud_tensordock_ssh_key.me 5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f
