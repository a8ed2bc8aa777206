# A job is imported by its name.
terraform import gpucloud_verda_serverless_job.embeddings embed-batch
