# Registry credentials are imported by their name; type and fields are taken from the configuration.
terraform import gpucloud_verda_container_registry_credentials.ghcr ghcr
