# A key is imported by its ID; public_key is then taken from the configuration.
terraform import gpucloud_nova_ssh_key.me 2b3c4d5e-6f70-8192-a3b4-c5d6e7f80912
