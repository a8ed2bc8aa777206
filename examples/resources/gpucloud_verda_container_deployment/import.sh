# A deployment is imported by its name.
terraform import gpucloud_verda_container_deployment.llm llm-serve
