import {
  to = gpucloud_verda_secret.hf_token
  id = "hf-token"
}
