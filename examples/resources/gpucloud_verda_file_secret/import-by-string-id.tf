import {
  to = gpucloud_verda_file_secret.tls
  id = "tls-certs"
}
