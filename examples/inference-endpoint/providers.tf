terraform {
  required_providers {
    gpucloud = {
      source = "gpucloud/gpucloud"
    }
  }
}

provider "gpucloud" {
  verda {} # VERDA_CLIENT_ID, VERDA_CLIENT_SECRET
}
