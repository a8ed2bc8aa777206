// Package acctest runs acceptance tests against an in-process gpucloud-sim.
package acctest

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/provider"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	simbluelobster "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
	simnova "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/nova"
	simnovitai "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/novitai"
	simtensordock "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/tensordock"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

// Tests address the provider as users do, gpucloud/gpucloud, so examples and
// modules that declare that source run unchanged.
func init() {
	if os.Getenv("TF_ACC_PROVIDER_NAMESPACE") == "" {
		os.Setenv("TF_ACC_PROVIDER_NAMESPACE", "gpucloud")
	}
}

// RequiredProviders is the terraform block every test configuration starts with.
const RequiredProviders = `
terraform {
  required_providers {
    gpucloud = {
      source = "gpucloud/gpucloud"
    }
  }
}
`

// WithProvider prefixes a configuration with RequiredProviders.
func WithProvider(hcl string) string { return RequiredProviders + hcl }

// ProviderFactories serve the provider in-process for terraform-plugin-testing.
func ProviderFactories() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"gpucloud": providerserver.NewProtocol6WithError(provider.New("test")()),
	}
}

// Sim is a simulator serving one test on a loopback port.
type Sim struct {
	*sim.Server
	URL string
	// ProviderSettings are extra provider arguments, such as a request_timeout.
	ProviderSettings string
}

// StartSim starts a fresh simulator that stops when the test ends. Its
// clouds provision in a fraction of a second; tests that need slower ones
// change the switches.
func StartSim(t *testing.T) *Sim {
	t.Helper()
	s := &Sim{Server: sim.New(sim.Options{})}
	s.TestSpeeds()
	srv := httptest.NewServer(s.Server)
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	return s
}

// TestSpeeds sets every cloud to provision in a fraction of a second, as
// StartSim does; tests that slowed a cloud down call it to restore them.
func (s *Sim) TestSpeeds() {
	s.Verda.UpdateSwitches(func(sw *simverda.Switches) {
		sw.ProvisionDelay = simcore.Duration(300 * time.Millisecond)
		sw.ActionDelay = simcore.Duration(100 * time.Millisecond)
	})
	s.BlueLobster.UpdateSwitches(func(sw *simbluelobster.Switches) {
		sw.TaskDelay = simcore.Duration(200 * time.Millisecond)
	})
	s.Nova.UpdateSwitches(func(sw *simnova.Switches) {
		sw.BootDelay = simcore.Duration(300 * time.Millisecond)
		sw.StopDelay = simcore.Duration(100 * time.Millisecond)
	})
	s.Novitai.UpdateSwitches(func(sw *simnovitai.Switches) {
		sw.CreatingDelay = simcore.Duration(200 * time.Millisecond)
		sw.StartingDelay = simcore.Duration(100 * time.Millisecond)
		sw.StopDelay = simcore.Duration(100 * time.Millisecond)
	})
	s.TensorDock.UpdateSwitches(func(sw *simtensordock.Switches) {
		sw.StartDelay = simcore.Duration(300 * time.Millisecond)
		sw.StopDelay = simcore.Duration(100 * time.Millisecond)
	})
}

// VerdaEndpoint is the simulated Verda API's base URL.
func (s *Sim) VerdaEndpoint() string { return s.URL + simverda.Prefix }

// NovaEndpoint is the simulated Nova Cloud API's base URL.
func (s *Sim) NovaEndpoint() string { return s.URL + simnova.Prefix }

// TensorDockEndpoint is the simulated TensorDock API's base URL.
func (s *Sim) TensorDockEndpoint() string { return s.URL + simtensordock.Prefix }

// ProviderConfig is a provider block with every simulated cloud configured.
func (s *Sim) ProviderConfig() string { return RequiredProviders + s.ProviderBlock() }

// ProviderBlock is ProviderConfig without the terraform block, for
// configurations that declare their own.
func (s *Sim) ProviderBlock() string {
	return fmt.Sprintf(`
provider "gpucloud" {
  poll_interval = "50ms"
  %s
  verda {
    client_id     = %q
    client_secret = %q
    endpoint      = %q
  }
  tensordock {
    api_token = %q
    endpoint  = %q
  }
  bluelobster {
    api_key  = %q
    endpoint = %q
  }
  nova {
    api_key  = %q
    endpoint = %q
  }
  novitai {
    api_key  = %q
    endpoint = %q
  }
}
`, s.ProviderSettings, simverda.DefaultClientID, simverda.DefaultClientSecret, s.VerdaEndpoint(), simtensordock.DefaultToken, s.TensorDockEndpoint(),
		simbluelobster.DefaultAPIKey, s.URL+simbluelobster.Prefix, simnova.ReadWriteKey, s.NovaEndpoint(), simnovitai.DefaultAPIKey, s.URL+simnovitai.Prefix)
}

// Config is the provider block followed by the given HCL.
func (s *Sim) Config(hcl string) string { return s.ProviderConfig() + hcl }

// CheckNothingLeft fails when the simulator still holds any object, billed
// or not: run it as CheckDestroy.
func (s *Sim) CheckNothingLeft(*terraform.State) error {
	return describeLeft("objects left behind after destroy", s.Objects())
}

// CheckNothingBilled fails when the ledger lists any billed object: run it
// as CheckDestroy where destroy may rightly keep unbilled objects (trash).
func (s *Sim) CheckNothingBilled(*terraform.State) error {
	return describeLeft("billed objects left behind after destroy", s.Ledger())
}

func describeLeft(what string, objs []simcore.Object) error {
	if len(objs) > 0 {
		var names []string
		for _, o := range objs {
			names = append(names, fmt.Sprintf("%s %s %s (%s)", o.Cloud, o.Kind, o.ID, o.Name))
		}
		sort.Strings(names)
		return fmt.Errorf("%s:\n  %s", what, strings.Join(names, "\n  "))
	}
	return nil
}

// CountObjects counts the objects of one cloud and kind the simulator holds.
func (s *Sim) CountObjects(cloud, kind string) int {
	n := 0
	for _, o := range s.Objects() {
		if o.Cloud == cloud && o.Kind == kind {
			n++
		}
	}
	return n
}

// Requests counts requests to a route ("POST /verda/v1/ssh-keys") by status
// ("429", "200", "dropped"); an empty status counts them all.
func (s *Sim) Requests(route, status string) int {
	st := s.Stats()[route]
	if status == "" {
		return st.Count
	}
	return st.Statuses[status]
}

// CaptureAttr stores a resource's attribute from state into dst, for later
// steps that change the object out of band.
func CaptureAttr(address, attr string, dst *string) func(*terraform.State) error {
	return func(st *terraform.State) error {
		rs, ok := st.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s is not in state", address)
		}
		v, ok := rs.Primary.Attributes[attr]
		if !ok || v == "" {
			return fmt.Errorf("%s has no %s in state", address, attr)
		}
		*dst = v
		return nil
	}
}

// CheckObjectCount fails unless the simulator holds exactly want objects of
// one cloud and kind; why says what the count proves.
func (s *Sim) CheckObjectCount(cloud, kind string, want int, why string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if n := s.CountObjects(cloud, kind); n != want {
			return fmt.Errorf("%s: want %d %s %s objects, found %d", why, want, cloud, kind, n)
		}
		return nil
	}
}

// ExpectRequests is a plan check that fails when the requests the
// simulator has counted so far (reset them in PreConfig) do not pass check.
func (s *Sim) ExpectRequests(check func(map[string]sim.EndpointStats) error) plancheck.PlanCheck {
	return requestCheck{s: s, check: check}
}

type requestCheck struct {
	s     *Sim
	check func(map[string]sim.EndpointStats) error
}

func (c requestCheck) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if err := c.check(c.s.Stats()); err != nil {
		resp.Error = fmt.Errorf("%w; requests so far: %s", err, describeRequests(c.s.Stats()))
	}
}

func describeRequests(stats map[string]sim.EndpointStats) string {
	var parts []string
	for route, st := range stats {
		parts = append(parts, fmt.Sprintf("%s ×%d", route, st.Count))
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}

// ExpectNoReplacement is a plan check that fails when the plan replaces any
// resource, naming each and the attributes that force it.
func ExpectNoReplacement() plancheck.PlanCheck { return noReplacement{} }

type noReplacement struct{}

func (noReplacement) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	var replaced []string
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Change != nil && rc.Change.Actions.Replace() {
			replaced = append(replaced, fmt.Sprintf("%s (forced by %v)", rc.Address, rc.Change.ReplacePaths))
		}
	}
	if len(replaced) > 0 {
		resp.Error = fmt.Errorf("the plan replaces %s", strings.Join(replaced, ", "))
	}
}
