# A file secret is imported by its name; its files are not read back.
terraform import gpucloud_verda_file_secret.tls tls-certs
