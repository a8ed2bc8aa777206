variable "verda_client_secret" {
  type      = string
  sensitive = true
}

provider "gpucloud" {
  verda {
    client_id     = "6a51jsgnISg6JOyE7wYZh"
    client_secret = var.verda_client_secret
  }
}
