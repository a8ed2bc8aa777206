# An instance is imported by its ID. The service does not return product_name,
# template_id, rootfs_size, webhook_url or billing_mode: they are adopted from
# the configuration on the next apply without replacing the instance.
terraform import gpucloud_novitai_instance.trainer inst_1697843200_abc123
