import {
  to = gpucloud_nova_ssh_key.me
  id = "2b3c4d5e-6f70-8192-a3b4-c5d6e7f80912"
}
