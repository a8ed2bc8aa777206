data "gpucloud_verda_cluster_types" "all" {
  currency = "eur"
}

output "h200_clusters" {
  value = { for t in data.gpucloud_verda_cluster_types.all.cluster_types : t.cluster_type => t.available_locations if t.model == "H200" }
}
