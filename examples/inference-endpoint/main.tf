# A model served from a private image on Verda's serverless containers: the
# registry login and an API token are secrets, the deployment scales to zero
# when idle, and its endpoint is the output.

variable "image" {
  description = "The private image to serve, with an explicit tag."
  type        = string
  default     = "ghcr.io/acme/llm-server:1.4.2"
}

variable "registry_user" {
  description = "The user that pulls the image."
  type        = string
  default     = "acme-bot"
}

variable "registry_token" {
  description = "The registry's access token."
  type        = string
  sensitive   = true
  default     = "ghp_example_token"
}

variable "api_token" {
  description = "The token the server checks on every request."
  type        = string
  sensitive   = true
  default     = "change-me"
}

variable "token_version" {
  description = "Bump to send new tokens: write-only values are never compared."
  type        = number
  default     = 1
}

resource "gpucloud_verda_container_registry_credentials" "ghcr" {
  name               = "acme-ghcr"
  type               = "ghcr"
  username           = var.registry_user
  access_token_wo    = var.registry_token
  secrets_wo_version = var.token_version
}

resource "gpucloud_verda_secret" "api_token" {
  name             = "llm-api-token"
  value_wo         = var.api_token
  value_wo_version = var.token_version
}

resource "gpucloud_verda_container_deployment" "llm" {
  name                 = "llm-endpoint"
  registry_credentials = gpucloud_verda_container_registry_credentials.ghcr.name
  containers = [{
    image        = var.image
    exposed_port = 8000
    healthcheck  = { port = 8000, path = "/health" }
    env = [
      { name = "API_TOKEN", secret = gpucloud_verda_secret.api_token.name },
    ]
  }]
  compute = { name = "H100", size = 1 }
  scaling = {
    min_replicas             = 0 # nothing runs, and nothing is billed, while idle
    max_replicas             = 2
    scale_down_delay_seconds = 300
    queue_load_threshold     = 2
  }
}

output "endpoint" {
  description = "Where the model answers."
  value       = gpucloud_verda_container_deployment.llm.endpoint_base_url
}
