# A startup script is imported by its ID.
terraform import gpucloud_verda_startup_script.setup 95cec4c3-af69-42eb-a790-fcacebfdfcea
