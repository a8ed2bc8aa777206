resource "gpucloud_verda_cluster" "train" {
  cluster_type  = "16H200"
  image         = "ubuntu-22.04-cuda-12.4-cluster"
  hostname      = "train-cluster"
  description   = "pre-training run"
  location_code = "FIN-01"
  shared_volume = { name = "train-home", size = 30000 }
  ssh_key_ids   = [gpucloud_verda_ssh_key.me.id]
  tags          = { team = "research" }

  # Keep the datasets on /home when the cluster goes.
  shared_volume_on_destroy = "keep"
}

output "jump_host" {
  value = "ssh ubuntu@${gpucloud_verda_cluster.train.ip}"
}
