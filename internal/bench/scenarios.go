package bench

import (
	"fmt"
	"strings"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bench/fleets"
	simbluelobster "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
	simnova "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/nova"
	simnovitai "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/novitai"
	simtensordock "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/tensordock"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

// Scenario is one configuration applied, planned again and destroyed.
type Scenario struct {
	Name string
	// Verda is how many Verda instances it holds; Spread how many on each
	// of the five clouds.
	Verda, Spread int
	// Floor, when set, says the scenario measures a floor for Verda
	// instances instead of the provider: FloorData or FloorNoop.
	Floor string
}

// The floors a no-op plan of Verda instances is compared with.
const (
	// FloorData is as many of Terraform's built-in terraform_data
	// resources: what Terraform alone spends.
	FloorData = "terraform_data"
	// FloorNoop is as many instances of a framework resource with the
	// Verda instance's schema that does nothing (package floor): what
	// Terraform and the framework spend on that schema.
	FloorNoop = "noop"
)

// Instances is how many instances the scenario creates.
func (s Scenario) Instances() int { return s.Verda + 5*s.Spread }

// FloorScenario is the floor of kind for n Verda instances.
func FloorScenario(kind string, n int) Scenario {
	short := map[string]string{FloorData: "data", FloorNoop: "noop"}[kind]
	return Scenario{Name: fmt.Sprintf("floor-%s-%d", short, n), Verda: n, Floor: kind}
}

// VerdaScenario is n Verda instances.
func VerdaScenario(n int) Scenario { return Scenario{Name: fmt.Sprintf("verda-%d", n), Verda: n} }

// SpreadScenario is n instances on each of the five clouds.
func SpreadScenario(n int) Scenario { return Scenario{Name: fmt.Sprintf("spread-%d", 5*n), Spread: n} }

// config is the scenario's Terraform configuration against the simulator at base.
func (s Scenario) config(base string, poll time.Duration) string {
	if s.Floor == FloorData {
		return fmt.Sprintf(`
resource "terraform_data" "fleet" {
  count = %d
  input = "fleet-${count.index}"
}
`, s.Verda)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `terraform {
  required_providers {
    gpucloud = { source = "gpucloud/gpucloud" }
  }
}

provider "gpucloud" {
  poll_interval = %q
  verda {
    client_id     = %q
    client_secret = %q
    endpoint      = "%s%s"
  }
  tensordock {
    api_token = %q
    endpoint  = "%s%s"
  }
  bluelobster {
    api_key  = %q
    endpoint = "%s%s"
  }
  nova {
    api_key  = %q
    endpoint = "%s%s"
  }
  novitai {
    api_key  = %q
    endpoint = "%s%s"
  }
}
`, poll.String(), simverda.DefaultClientID, simverda.DefaultClientSecret, base, simverda.Prefix,
		simtensordock.DefaultToken, base, simtensordock.Prefix, simbluelobster.DefaultAPIKey, base, simbluelobster.Prefix,
		simnova.ReadWriteKey, base, simnova.Prefix, simnovitai.DefaultAPIKey, base, simnovitai.Prefix)
	b.WriteString(fleets.Verda(s.Verda + s.Spread))
	b.WriteString(fleets.Others(s.Spread))
	return b.String()
}
