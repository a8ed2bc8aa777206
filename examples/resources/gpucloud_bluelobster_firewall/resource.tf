resource "gpucloud_bluelobster_firewall" "trainer" {
  instance_id = gpucloud_bluelobster_instance.trainer.id
  policy_in   = "DROP"
  policy_out  = "ACCEPT"

  rules = [
    { type = "in", action = "ACCEPT", proto = "tcp", dport = "22", source = "203.0.113.0/24", comment = "SSH from the office" },
    { type = "in", action = "ACCEPT", proto = "tcp", dport = "80,443", comment = "web" },
    { type = "in", action = "ACCEPT", proto = "tcp", dport = "8000:8010", comment = "model servers" },
    { type = "in", action = "ACCEPT", proto = "icmp" },
  ]
}
