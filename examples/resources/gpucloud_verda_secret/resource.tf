variable "hf_token" {
  type      = string
  sensitive = true
}

# The token is sent once and never stored; bump the version to rotate it.
resource "gpucloud_verda_secret" "hf_token" {
  name             = "hf-token"
  value_wo         = var.hf_token
  value_wo_version = 1
}
