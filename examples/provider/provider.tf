terraform {
  required_providers {
    gpucloud = {
      source = "gpucloud/gpucloud"
    }
  }
}

# Credentials usually come from the environment:
#   export VERDA_CLIENT_ID=...
#   export VERDA_CLIENT_SECRET=...
provider "gpucloud" {
  verda {}
}
