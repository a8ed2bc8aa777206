resource "gpucloud_verda_file_secret" "tls" {
  name = "tls-certs"
  files = {
    "tls.crt" = filebase64("${path.module}/tls.crt")
    "tls.key" = filebase64("${path.module}/tls.key")
  }
}
