resource "gpucloud_verda_serverless_job" "embeddings" {
  name = "embed-batch"
  containers = [{
    image        = "ghcr.io/acme/embedder:2.1.0"
    exposed_port = 8080
    env          = [{ name = "BATCH_SIZE", value = "64" }]
  }]
  compute = { name = "H100", size = 1 }
  scaling = {
    max_replicas     = 4
    deadline_seconds = 3600 # each request may run for an hour
  }
}
