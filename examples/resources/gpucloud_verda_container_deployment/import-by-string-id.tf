import {
  to = gpucloud_verda_container_deployment.llm
  id = "llm-serve"
}
