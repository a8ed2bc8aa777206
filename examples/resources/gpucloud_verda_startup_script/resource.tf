resource "gpucloud_verda_startup_script" "setup" {
  name   = "install-tools"
  script = <<-EOT
    #!/bin/bash
    set -euo pipefail
    apt-get update
    apt-get install -y htop nvtop
  EOT
}
