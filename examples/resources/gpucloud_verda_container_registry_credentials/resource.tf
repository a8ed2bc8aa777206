variable "ghcr_token" {
  type      = string
  sensitive = true
}

resource "gpucloud_verda_container_registry_credentials" "ghcr" {
  name               = "ghcr"
  type               = "ghcr"
  username           = "my-org-bot"
  access_token_wo    = var.ghcr_token
  secrets_wo_version = 1
}
