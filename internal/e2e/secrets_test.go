package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simbl "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
	simnova "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/nova"
	simnovitai "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/novitai"
	simtd "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/tensordock"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

const (
	blPassword   = "bl-write-only-pass-7731"
	novaPassword = "nova-write-only-pass-4420"
)

// issuedTokens are the shapes of the access and refresh tokens the simulator
// hands out; none may be seen anywhere.
var issuedTokens = regexp.MustCompile(`sim-(access|refresh)-[0-9a-f-]{36}|eyJ\.sim-(access|refresh)\.[0-9a-f-]{36}`)

// A full apply and destroy on every cloud with TF_LOG=TRACE shows no
// credential, token or password in the logs or the output, with either form
// of the machines' passwords; the state holds a password only in its
// sensitive form, never a write-only one.
func TestSecretsNeverLeak(t *testing.T) {
	for _, form := range []string{"password_wo", "password"} {
		t.Run(form, func(t *testing.T) { secretsNeverLeak(t, form) })
	}
}

func secretsNeverLeak(t *testing.T, form string) {
	logPath := filepath.Join(t.TempDir(), "terraform.log")
	c := newCLI(t, "TF_LOG=TRACE", "TF_LOG_PATH="+logPath)
	if form == "password_wo" && !acctest.WriteOnlyArguments() {
		t.Skip("the engine refuses write-only arguments; the password form covers it")
	}
	s := acctest.StartSim(t)
	c.write("main.tf", config(s, form))
	output := c.run("apply", "-auto-approve", "-input=false", "-no-color")
	state, err := os.ReadFile(filepath.Join(c.work, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	output += c.run("destroy", "-auto-approve", "-input=false", "-no-color")
	logs, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}

	if !bytes.Contains(logs, []byte("HTTP request")) || !bytes.Contains(logs, []byte("HTTP response body")) {
		t.Fatal("the provider's request logs are missing: the test would prove nothing")
	}
	for _, cloud := range []string{"/verda/v1/", "/tensordock/api/v2/", "/bluelobster/api/v1/", "/nova/", "/novitai/"} {
		if !bytes.Contains(logs, []byte(cloud)) {
			t.Errorf("no request to %s was logged", cloud)
		}
	}
	if n := len(s.Ledger()); n != 0 {
		t.Errorf("%d billed objects left after destroy", n)
	}
	secrets := map[string]string{
		"Verda client secret": simverda.DefaultClientSecret, "TensorDock token": simtd.DefaultToken,
		"Blue Lobster API key": simbl.DefaultAPIKey, "Nova password": simnova.DefaultPassword,
		"novitai API key": simnovitai.DefaultAPIKey, "Blue Lobster VM password": blPassword, "Nova VM password": novaPassword,
	}
	for where, text := range map[string]string{"logs": string(logs), "state": string(state), "output": output} {
		for name, secret := range secrets {
			kept := where == "state" && form == "password" && (secret == blPassword || secret == novaPassword)
			if strings.Contains(text, secret) != kept {
				t.Errorf("the %s: want the %s there %v, is %v", where, name, kept, !kept)
			}
		}
		if m := issuedTokens.FindString(text); m != "" {
			t.Errorf("the %s contain an issued token (%s...)", where, m[:16])
		}
	}
}

// config uses every cloud, Nova by email and password so that login tokens
// are issued, and both write-only passwords.
func config(s *acctest.Sim, form string) string {
	version := ""
	if form == "password_wo" {
		version = "\n  password_wo_version = 1"
	}
	return acctest.RequiredProviders + fmt.Sprintf(`
provider "gpucloud" {
  poll_interval = "50ms"
  verda {
    client_id     = %[1]q
    client_secret = %[2]q
    endpoint      = %[3]q
  }
  tensordock {
    api_token = %[4]q
    endpoint  = %[5]q
  }
  bluelobster {
    api_key  = %[6]q
    endpoint = %[7]q
  }
  nova {
    email    = %[8]q
    password = %[9]q
    endpoint = %[10]q
  }
  novitai {
    api_key  = %[11]q
    endpoint = %[12]q
  }
}

resource "gpucloud_verda_ssh_key" "k" {
  name       = "k"
  public_key = %[13]q
}
resource "gpucloud_verda_instance" "v" {
  instance_type      = "CPU.4V.16G"
  image              = "ubuntu-24.04"
  hostname           = "secrets"
  location_code      = "FIN-01"
  ssh_key_ids        = [gpucloud_verda_ssh_key.k.id]
  volumes_on_destroy = "delete_permanently"
}
resource "gpucloud_tensordock_instance" "t" {
  name             = "secrets"
  image            = "debian12"
  location_id      = "8f3c1a2e-0003-4a6b-9c1d-000000000003"
  vcpu_count       = 2
  ram_gb           = 8
  storage_gb       = 100
  use_dedicated_ip = true
  ssh_public_key   = %[13]q
}
resource "gpucloud_bluelobster_instance" "b" {
  region         = "igl"
  instance_type  = "cpu_8x"
  name           = "secrets"
  ssh_public_key = %[13]q
  %[16]s = %[14]q%[17]s
  template_name  = "UBUNTU-22-04"
}
resource "gpucloud_nova_instance" "n" {
  node          = "vm02"
  gpu_type      = "4090"
  gpu_count     = 1
  storage_gb    = 50
  template_vmid = 100
  %[16]s = %[15]q%[17]s
}
resource "gpucloud_novitai_instance" "i" {
  name         = "secrets"
  product_name = "gpu-basic"
  template_id  = "tmpl-ubuntu-2204"
}
`, simverda.DefaultClientID, simverda.DefaultClientSecret, s.VerdaEndpoint(),
		simtd.DefaultToken, s.TensorDockEndpoint(),
		simbl.DefaultAPIKey, s.URL+simbl.Prefix,
		simnova.DefaultEmail, simnova.DefaultPassword, s.NovaEndpoint(),
		simnovitai.DefaultAPIKey, s.URL+simnovitai.Prefix,
		acctest.SSHKeyEd25519, blPassword, novaPassword, form, version)
}
