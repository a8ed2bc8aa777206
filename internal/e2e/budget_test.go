package e2e

import (
	"fmt"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// budgetCommands are the short commands of a pipeline, each a provider
// process of its own, that together send more requests than TensorDock
// admits in a minute.
const (
	budgetCommands   = 15
	readsPerCommand  = 8
	tensorDockPerMin = 100
)

// Commands one after another share the account's budget: each provider
// process starts from the record of the requests the processes before it
// sent, so that the fifteen commands of a pipeline, 120 requests against
// TensorDock's 100 a minute, wait for the window instead of meeting 429s.
func TestCommandsOneAfterAnotherShareTheBudget(t *testing.T) {
	t.Parallel()
	c := newCLI(t, "GPUCLOUD_REQUEST_RECORD_DIR="+t.TempDir())
	s := acctest.StartSim(t)
	c.write("main.tf", s.ProviderConfig()+fmt.Sprintf(`
data "gpucloud_tensordock_hostnodes" "n" {
  count = %d
}

output "hostnodes" {
  value = length(data.gpucloud_tensordock_hostnodes.n[0].hostnodes)
}
`, readsPerCommand))
	for range budgetCommands {
		c.run("plan", "-input=false", "-no-color", "-refresh=true")
	}
	const route = "GET /tensordock/api/v2/hostnodes"
	want := budgetCommands * readsPerCommand
	if got := s.Requests(route, ""); got != want || want <= tensorDockPerMin {
		t.Fatalf("want %d hostnode reads (more than the %d a minute TensorDock admits), got %d", want, tensorDockPerMin, got)
	}
	if n := s.Requests(route, "429"); n != 0 {
		t.Fatalf("%d of %d requests were answered 429", n, want)
	}
}
