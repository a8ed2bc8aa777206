# An instance is imported by its ID. Arguments Verda does not report back
# (os_volume, volumes, existing_volume_ids, coupon) are not imported: leave
# them out of the configuration of an imported instance, or add them to
# lifecycle.ignore_changes, or the plan will replace it.
terraform import gpucloud_verda_instance.trainer fb68976d-fd34-4b2d-adbe-c205e8e3d1d3
