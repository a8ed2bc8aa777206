# The ML team, found from its instances, to put a new instance in it.
data "gpucloud_bluelobster_teams" "ml" {
  name = "ML Team"
}

resource "gpucloud_bluelobster_instance" "trainer" {
  region         = "igl"
  instance_type  = "gpu_1x_a4000"
  name           = "trainer-1"
  ssh_public_key = file("~/.ssh/id_ed25519.pub")
  template_name  = "UBUNTU-22-04-NV"
  team_id        = data.gpucloud_bluelobster_teams.ml.teams[0].id
}
