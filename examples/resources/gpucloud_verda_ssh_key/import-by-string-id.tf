import {
  to = gpucloud_verda_ssh_key.deploy
  id = "8c50b448-5fcd-4023-895b-68267f75078a"
}
