package e2e

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	tfconfig "github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// everythingSet is one object of every resource kind of every cloud, with
// every optional argument set.
func everythingSet() string {
	return fmt.Sprintf(`
resource "gpucloud_verda_ssh_key" "k" {
  name       = "imports"
  public_key = %[1]q
}
resource "gpucloud_verda_startup_script" "s" {
  name   = "imports"
  script = "#!/bin/sh\ntrue\n"
}
resource "gpucloud_verda_volume" "spare" {
  name               = "imports-spare"
  size               = 20
  type               = "NVMe"
  location_code      = "FIN-01"
  delete_permanently = true
  timeouts           = { create = "5m", update = "5m", delete = "5m" }
}
resource "gpucloud_verda_instance" "i" {
  instance_type       = "CPU.4V.16G"
  image               = "ubuntu-24.04"
  hostname            = "imports"
  description         = "every optional argument"
  location_code       = "FIN-01"
  ssh_key_ids         = [gpucloud_verda_ssh_key.k.id]
  startup_script_id   = gpucloud_verda_startup_script.s.id
  is_spot             = false
  contract            = "PAY_AS_YOU_GO"
  coupon              = "WELCOME10"
  os_volume           = { name = "imports-os", size = 60 }
  volumes             = [{ name = "imports-data", size = 20, type = "NVMe" }]
  existing_volume_ids = [gpucloud_verda_volume.spare.id]
  power_state         = "stopped"
  volumes_on_destroy  = "delete_permanently"
  max_price_per_hour  = 50
  tags                = { team = "imports", solo = "" }
  timeouts            = { create = "10m", update = "10m", delete = "10m" }
}
resource "gpucloud_verda_instance" "spot" {
  instance_type      = "CPU.4V.16G"
  image              = "ubuntu-24.04"
  hostname           = "imports-spot"
  location_code      = "FIN-01"
  is_spot            = true
  os_volume          = { name = "imports-spot-os", size = 60, on_spot_discontinue = "delete_permanently" }
  volumes            = [{ name = "imports-spot-data", size = 20, type = "NVMe", on_spot_discontinue = "move_to_trash" }]
  volumes_on_destroy = "delete_permanently"
}
resource "gpucloud_verda_volume" "clone" {
  name               = "imports-clone"
  size               = 40
  type               = "NVMe"
  location_code      = "FIN-01"
  source_volume_id   = gpucloud_verda_volume.spare.id
  tags               = { team = "imports" }
  delete_permanently = true
}
resource "gpucloud_verda_volume" "shared" {
  name               = "imports-shared"
  size               = 50
  type               = "NVMe_Shared"
  location_code      = "FIN-01"
  delete_permanently = true
}
resource "gpucloud_verda_cluster" "c" {
  cluster_type             = "16H200"
  image                    = "ubuntu-22.04-cuda-12.4-cluster"
  hostname                 = "imports-cluster"
  description              = "every optional argument"
  location_code            = "FIN-01"
  shared_volume            = { name = "imports-home", size = 100 }
  existing_volume_ids      = [gpucloud_verda_volume.shared.id]
  ssh_key_ids              = [gpucloud_verda_ssh_key.k.id]
  startup_script_id        = gpucloud_verda_startup_script.s.id
  tags                     = { team = "imports" }
  shared_volume_on_destroy = "delete"
  timeouts                 = { create = "10m", update = "10m", delete = "10m" }
}
resource "gpucloud_verda_container_deployment" "d" {
  name = "imports"
  containers = [{
    image            = "ghcr.io/acme/imports:1.0"
    exposed_port     = 8000
    healthcheck      = { port = 8000, path = "/health" }
    entrypoint       = ["/bin/serve"]
    cmd              = ["--port", "8000"]
    use_cached_image = false
    env = [
      { name = "TOKEN", secret = gpucloud_verda_secret.s.name },
      { name = "LOG_LEVEL", value = "info" },
    ]
    volume_mounts = [
      { type = "scratch", mount_path = "/data" },
      { type = "memory", mount_path = "/dev/shm", size_in_mb = 1024 },
      { type = "secret", mount_path = "/etc/files", secret_name = gpucloud_verda_file_secret.f.name },
      { type = "shared", mount_path = "/shared", volume_id = gpucloud_verda_volume.shared.id },
    ]
  }]
  compute              = { name = "General Compute", size = 1 }
  is_spot              = true
  registry_credentials = gpucloud_verda_container_registry_credentials.r.name
  scaling = {
    min_replicas                    = 1
    max_replicas                    = 2
    concurrent_requests_per_replica = 2
    cpu_utilization_threshold       = 80
    gpu_utilization_threshold       = 90
    queue_load_threshold            = 3
    queue_message_ttl_seconds       = 600
    scale_down_delay_seconds        = 120
    scale_up_delay_seconds          = 10
  }
  timeouts = { create = "10m", update = "10m", delete = "10m" }
}
resource "gpucloud_verda_serverless_job" "j" {
  name = "imports"
  containers = [{
    image            = "ghcr.io/acme/imports-job:1.0"
    exposed_port     = 8080
    healthcheck      = { port = 8080, path = "/ready" }
    entrypoint       = ["/bin/work"]
    cmd              = ["--batch"]
    use_cached_image = false
    env = [
      { name = "TOKEN", secret = gpucloud_verda_secret.s.name },
      { name = "MODE", value = "batch" },
    ]
    volume_mounts = [
      { type = "scratch", mount_path = "/data" },
      { type = "memory", mount_path = "/dev/shm", size_in_mb = 512 },
      { type = "secret", mount_path = "/etc/files", secret_name = gpucloud_verda_file_secret.f.name },
      { type = "shared", mount_path = "/shared", volume_id = gpucloud_verda_volume.shared.id },
    ]
  }]
  compute              = { name = "General Compute", size = 1 }
  registry_credentials = gpucloud_verda_container_registry_credentials.r.name
  scaling              = { max_replicas = 2, deadline_seconds = 900, queue_message_ttl_seconds = 600 }
  timeouts             = { create = "10m", update = "10m", delete = "10m" }
}
resource "gpucloud_verda_volume" "attached" {
  name               = "imports-attached"
  size               = 30
  type               = "NVMe"
  location_code      = "FIN-01"
  instance_ids       = [gpucloud_verda_instance.i.id]
  delete_permanently = true
}
resource "gpucloud_verda_secret" "s" {
  name          = "imports"
  value         = "imports-secret"
  force_destroy = true
}
resource "gpucloud_verda_file_secret" "f" {
  name          = "imports-files"
  files         = { "a.txt" = base64encode("a") }
  force_destroy = true
}
resource "gpucloud_verda_container_registry_credentials" "r" {
  name               = "imports"
  type               = "aws-ecr"
  access_key_id      = "AKIAIMPORTS"
  %[2]s
  region             = "eu-north-1"
  ecr_repo           = "123456789012.dkr.ecr.eu-north-1.amazonaws.com/imports"
  force_destroy      = true
}
resource "gpucloud_tensordock_ssh_key" "k" {
  name       = "imports"
  public_key = %[1]q
}
resource "gpucloud_tensordock_instance" "i" {
  name             = "imports"
  image            = "ubuntu2404"
  hostnode_id      = "4b1e0c5a-0000-4000-8000-0000000000a1"
  vcpu_count       = 8
  ram_gb           = 32
  storage_gb       = 200
  gpu_model        = "h100-sxm5-80gb"
  gpu_count        = 1
  use_dedicated_ip = true
  port_forwards    = [{ internal_port = 8000, external_port = 20080 }]
  ssh_key_id       = gpucloud_tensordock_ssh_key.k.id
  cloud_init = {
    package_update  = true
    package_upgrade = true
    packages        = ["git"]
    runcmd          = ["nvidia-smi"]
  }
  power_state        = "stopped"
  max_price_per_hour = 10
  timeouts           = { create = "10m", update = "10m", delete = "10m" }
}
resource "gpucloud_tensordock_instance" "by_location" {
  name             = "imports-located"
  image            = "debian12"
  location_id      = "8f3c1a2e-0003-4a6b-9c1d-000000000003"
  vcpu_count       = 4
  ram_gb           = 8
  storage_gb       = 100
  use_dedicated_ip = true
  ssh_public_key   = %[1]q
}
resource "gpucloud_bluelobster_instance" "i" {
  region         = "phl"
  instance_type  = "cpu_8x"
  name           = "imports"
  username       = "trainer"
  ssh_public_key = %[1]q
  password       = "imports-password-1"
  template_name  = "UBUNTU-22-04"
  metadata       = { project = "imports" }
  team_id        = "5b0c1a6e-7d1f-4b7e-9a51-0c2d7e9f3a01"
  power_state    = "stopped"
  timeouts       = { create = "10m", update = "10m", delete = "10m" }
}
resource "gpucloud_bluelobster_instance" "iso" {
  region              = "phl"
  instance_type       = "cpu_8x"
  name                = "imports-iso"
  ssh_public_key      = %[1]q
  iso_url             = "https://images.example.com/installer.iso"
  %[3]s
  max_price_per_hour  = 10
}
resource "gpucloud_bluelobster_firewall" "f" {
  instance_id = gpucloud_bluelobster_instance.i.id
  enabled     = true
  policy_in   = "DROP"
  policy_out  = "ACCEPT"
  rules = [
    { type = "in", action = "ACCEPT", proto = "tcp", dport = "22", source = "203.0.113.0/24", comment = "ssh", enabled = true },
    { type = "in", action = "ACCEPT", proto = "icmp" },
    { type = "out", action = "DROP", proto = "udp", dest = "198.51.100.7", sport = "5000:5010", dport = "53" },
  ]
  timeouts = { create = "10m", update = "10m", delete = "10m" }
}
resource "gpucloud_bluelobster_backup_schedule" "b" {
  instance_id     = gpucloud_bluelobster_instance.i.id
  enabled         = true
  frequency       = "weekly"
  time_utc        = "04:00"
  retention_count = 3
}
resource "gpucloud_bluelobster_extra_ip" "ip" { instance_id = gpucloud_bluelobster_instance.i.id }
resource "gpucloud_bluelobster_backup" "bk" {
  instance_id = gpucloud_bluelobster_instance.i.id
  notes       = "imports"
  timeouts    = { create = "10m", update = "5m", delete = "10m" }
}
resource "gpucloud_nova_ssh_key" "k" {
  label      = "imports"
  public_key = %[1]q
}
resource "gpucloud_nova_instance" "i" {
  node               = "vm02"
  gpu_type           = "4090"
  gpu_count          = 1
  storage_gb         = 60
  image              = "comfyui"
  rental_type        = "reserved"
  reservation_months = 3
  ssh_key_id         = gpucloud_nova_ssh_key.k.id
  power_state        = "stopped"
  timeouts           = { create = "10m", update = "10m", delete = "10m" }
}
resource "gpucloud_nova_instance" "by_template" {
  node               = "vm02"
  gpu_type           = "4090"
  gpu_count          = 1
  storage_gb         = 50
  template_vmid      = 101
  password           = "imports-password-3"
  max_price_per_hour = 5
}
resource "gpucloud_novitai_instance" "i" {
  name         = "imports"
  product_name = "gpu-basic"
  template_id  = "tmpl-ubuntu-2204"
  gpu_num      = 2
  rootfs_size  = 80
  region       = "US-WEST-01"
  webhook_url  = "https://hooks.example.com/novitai"
  billing_mode = "onDemand"
  power_state  = "stopped"
  timeouts     = { create = "10m", update = "10m", delete = "10m" }
}
resource "gpucloud_gpu_instance" "g" {
  name               = "imports-gpu"
  gpu_models         = ["RTXA4000-16GB", "H100-80GB"]
  gpu_count          = 1
  max_price_per_hour = 1
  currency           = "USD"
  exchange_rates     = { EUR = 1.1 }
  clouds             = ["bluelobster", "tensordock"]
  prefer_cloud_order = true
  countries          = ["US"]
  locations          = ["phl", "igl"]
  spot               = false
  image              = "ubuntu-22.04"
  image_overrides    = { bluelobster = "UBUNTU-22-04-NV" }
  ssh_public_key     = %[1]q
  disk_gb            = 200
  power_state        = "stopped"
  max_attempts       = 3
  timeouts           = { create = "10m", update = "10m", delete = "10m" }
}
`, acctest.SSHKeyEd25519, acctest.SecretArgument("secret_access_key", "imports-secret-key", "secrets_wo_version"),
		acctest.SecretArgument("password", "imports-password-2", "password_wo_version"))
}

// Every resource kind, made with every optional argument set, then
// forgotten by its state and imported into it again with a configuration
// that matches: the import plans no replacement, its apply converges with no
// inconsistent result, and the plan after it is empty.
func TestAccImport_everyKindConverges(t *testing.T) {
	s := acctest.StartSim(t)
	cfg := everythingSet()
	addresses := resourceAddresses(cfg)
	ids := map[string]string{}
	remember := func(st *terraform.State) error {
		for _, addr := range addresses {
			rs, ok := st.RootModule().Resources[addr]
			if !ok {
				return fmt.Errorf("%s is not in state", addr)
			}
			ids[addr] = rs.Primary.ID
		}
		return nil
	}
	var forget, take strings.Builder
	for _, addr := range addresses {
		fmt.Fprintf(&forget, "removed {\n  from = %s\n  lifecycle {\n    destroy = false\n  }\n}\n", addr)
		fmt.Fprintf(&take, "import {\n  to = %s\n  id = var.ids[%q]\n}\n", addr, addr)
	}
	imported := cfg + "\nvariable \"ids\" { type = map(string) }\n" + take.String()
	idsVar := tfconfig.Variables{"ids": lazyMap{ids}}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{Config: s.Config(cfg), Check: remember},
			{
				Config: s.Config(forget.String()),
				Check: func(*terraform.State) error {
					if n := len(s.Ledger()); n == 0 {
						return fmt.Errorf("forgetting the objects destroyed them")
					}
					return nil
				},
			},
			{
				Config:          s.Config(imported),
				ConfigVariables: idsVar,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.ExpectNoReplacement(),
					plancheck.ExpectKnownValue(addresses[0], tfjsonpath.New("id"), knownvalue.NotNull()),
				}},
				Check: ledgerTracked(s),
			},
			{
				Config:           s.Config(imported),
				ConfigVariables:  idsVar,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

var resourceBlock = regexp.MustCompile(`(?m)^resource "([a-z_]+)" "([a-z_]+)"`)

// resourceAddresses lists the addresses of a configuration's resources.
func resourceAddresses(cfg string) []string {
	var out []string
	for _, m := range resourceBlock.FindAllStringSubmatch(cfg, -1) {
		out = append(out, m[1]+"."+m[2])
	}
	return out
}

// lazyMap is a map variable read when the step runs.
type lazyMap struct{ m map[string]string }

func (l lazyMap) MarshalJSON() ([]byte, error) { return json.Marshal(l.m) }
