# The module's tests, run by `terraform test` (or `tofu test`) against
# gpucloud-sim: see ../run-tests.sh.
provider "gpucloud" {
  verda {} # endpoint and credentials from the environment run-tests.sh sets
}

variables {
  name           = "test-box"
  ssh_public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rSNPx9K2mWQ7lWnQvHcMGz2T1G9r0oQy8w2Zx7Uu test@example"
}

run "picks_a_gpu_within_the_price" {
  command = plan

  assert {
    condition     = startswith(gpucloud_verda_instance.box.instance_type, "1H100")
    error_message = "The cheapest available H100 type should be planned, got ${gpucloud_verda_instance.box.instance_type}."
  }
}

run "launches_a_box_to_log_in_to" {
  assert {
    condition     = gpucloud_verda_instance.box.status == "running"
    error_message = "The box should be running, is ${gpucloud_verda_instance.box.status}."
  }
  assert {
    condition     = can(regex("^ssh root@[0-9.]+$", output.ssh_command))
    error_message = "The SSH command should name the box's address: ${output.ssh_command}."
  }
  assert {
    condition     = output.price_per_hour > 0 && output.price_per_hour <= var.max_price_per_hour
    error_message = "The box should cost at most ${var.max_price_per_hour} an hour, costs ${output.price_per_hour}."
  }
}

run "refuses_a_name_with_capitals" {
  command = plan

  variables {
    name = "Not_A_Hostname"
  }

  expect_failures = [var.name]
}

run "fails_when_no_gpu_is_cheap_enough" {
  command = plan

  variables {
    max_price_per_hour = 0.01
  }

  expect_failures = [gpucloud_verda_instance.box]
}
