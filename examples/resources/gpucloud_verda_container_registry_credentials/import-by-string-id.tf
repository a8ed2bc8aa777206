import {
  to = gpucloud_verda_container_registry_credentials.ghcr
  id = "ghcr"
}
