resource "gpucloud_nova_ssh_key" "me" {
  label      = "laptop"
  public_key = file("~/.ssh/id_ed25519.pub")
}
