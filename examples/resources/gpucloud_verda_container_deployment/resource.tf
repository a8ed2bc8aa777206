variable "hf_token" {
  type      = string
  sensitive = true
}

resource "gpucloud_verda_secret" "hf_token" {
  name             = "hf-token"
  value_wo         = var.hf_token
  value_wo_version = 1
}

resource "gpucloud_verda_container_deployment" "llm" {
  name = "llm-serve"
  containers = [{
    image        = "vllm/vllm-openai:v0.6.3"
    exposed_port = 8000
    healthcheck  = { port = 8000, path = "/health" }
    cmd          = ["--model", "meta-llama/Llama-3.1-8B-Instruct"]
    env = [
      { name = "HF_TOKEN", secret = gpucloud_verda_secret.hf_token.name },
    ]
    volume_mounts = [
      { type = "memory", mount_path = "/dev/shm", size_in_mb = 16384 },
    ]
  }]
  compute = { name = "H100", size = 1 }
  scaling = {
    min_replicas              = 0 # scale to zero when idle
    max_replicas              = 3
    scale_down_delay_seconds  = 600
    gpu_utilization_threshold = 90
  }
}

output "endpoint" {
  value = gpucloud_verda_container_deployment.llm.endpoint_base_url
}
