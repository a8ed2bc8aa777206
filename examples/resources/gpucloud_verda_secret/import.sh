# A secret is imported by its name; its value is not read back.
terraform import gpucloud_verda_secret.hf_token hf-token
