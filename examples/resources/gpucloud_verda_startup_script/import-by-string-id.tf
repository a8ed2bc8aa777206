import {
  to = gpucloud_verda_startup_script.setup
  id = "95cec4c3-af69-42eb-a790-fcacebfdfcea"
}
