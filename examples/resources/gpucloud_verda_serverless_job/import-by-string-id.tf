import {
  to = gpucloud_verda_serverless_job.embeddings
  id = "embed-batch"
}
