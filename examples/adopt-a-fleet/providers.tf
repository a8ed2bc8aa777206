terraform {
  required_providers {
    gpucloud = {
      source = "gpucloud/gpucloud"
    }
  }
}

# Configure only the clouds you list in var.clouds; each reads its
# credentials from the environment (see the provider's documentation).
provider "gpucloud" {
  verda {}       # VERDA_CLIENT_ID, VERDA_CLIENT_SECRET
  tensordock {}  # TENSORDOCK_API_TOKEN
  bluelobster {} # BLUELOBSTER_API_KEY
  nova {}        # NOVA_API_KEY
  novitai {}     # NOVITAI_ENDPOINT, NOVITAI_API_KEY
}
