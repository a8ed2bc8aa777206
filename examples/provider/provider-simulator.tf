# Against a local gpucloud-sim (make sim), which accepts these credentials.
provider "gpucloud" {
  verda {
    client_id     = "sim-verda-client"
    client_secret = "sim-verda-secret"
    endpoint      = "http://127.0.0.1:8787/verda/v1"
  }
  tensordock {
    api_token = "sim-tensordock-token"
    endpoint  = "http://127.0.0.1:8787/tensordock/api/v2"
  }
  bluelobster {
    api_key  = "sim-bluelobster-key"
    endpoint = "http://127.0.0.1:8787/bluelobster/api/v1"
  }
  nova {
    api_key  = "nv_live_sim_read_write"
    endpoint = "http://127.0.0.1:8787/nova"
  }
  novitai {
    api_key  = "sim-novitai-key"
    endpoint = "http://127.0.0.1:8787/novitai"
  }
  # The simulator provisions in seconds; poll it often.
  poll_interval = "500ms"
}
