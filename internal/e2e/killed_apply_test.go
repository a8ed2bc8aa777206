package e2e

import (
	"fmt"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simbluelobster "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
	simnovitai "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/novitai"
	simtensordock "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/tensordock"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

// killedMachines are the named instances of killedApplyConfig, by address.
var killedMachines = []string{
	"gpucloud_verda_instance.m", "gpucloud_tensordock_instance.m", "gpucloud_bluelobster_instance.m", "gpucloud_gpu_instance.m",
	"gpucloud_novitai_instance.m",
}

func killedApplyConfig(s *acctest.Sim) string {
	var b strings.Builder
	b.WriteString(s.ProviderConfig())
	for _, m := range sharedNameMachines {
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(m.hcl, `"shared"`, `"killed"`), `"shared-gpu"`, `"killed-gpu"`))
	}
	return b.String()
}

// A real terraform apply is killed with its provider (SIGKILL to the process
// group) while it waits for new machines: Terraform saves none of them. The
// next plan warns about each with the import block that takes it over;
// applying with those blocks adopts them without creating more, and
// destroying leaves nothing billed.
func TestKilledApplyLeavesNoSilentOrphans(t *testing.T) {
	c := newCLI(t)
	s := acctest.StartSim(t)
	slow := simcore.Duration(10 * time.Minute)
	s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.ProvisionDelay = slow })
	s.TensorDock.UpdateSwitches(func(sw *simtensordock.Switches) { sw.StartDelay = slow })
	s.BlueLobster.UpdateSwitches(func(sw *simbluelobster.Switches) { sw.TaskDelay = slow })
	s.Novitai.UpdateSwitches(func(sw *simnovitai.Switches) { sw.CreatingDelay = slow })
	c.write("main.tf", killedApplyConfig(s))

	apply := c.command("apply", "-auto-approve", "-input=false", "-no-color")
	apply.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := apply.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for s.CountObjects("verda", "instance")+s.CountObjects("tensordock", "instance")+
		s.CountObjects("bluelobster", "instance")+s.CountObjects("novitai", "instance") < len(killedMachines) {
		if time.Now().After(deadline) {
			_ = syscall.Kill(-apply.Process.Pid, syscall.SIGKILL)
			t.Fatalf("the apply did not create its machines in time; ledger: %v", s.Ledger())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := syscall.Kill(-apply.Process.Pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = apply.Wait()
	orphans := map[string]string{}
	for _, o := range s.Ledger() {
		if o.Kind == "instance" {
			orphans[o.ID] = o.Cloud
		}
	}
	if len(orphans) != len(killedMachines) {
		t.Fatalf("want %d machines billed after the kill, got %v", len(killedMachines), s.Ledger())
	}
	if show := c.run("show", "-no-color"); strings.Contains(show, "gpucloud_") {
		t.Fatalf("the killed apply saved something; the test proves nothing:\n%s", show)
	}
	s.TestSpeeds()
	// The machines still starting would make the imports wait out the slow launch.
	s.BlueLobster.Hurry()

	plan := c.run("plan", "-input=false", "-no-color")
	imports := importsFromWarnings(t, plan)
	for id, cloud := range orphans {
		// gpucloud_gpu_instance imports by <cloud>/<id>.
		if _, ok := imports[id]; !ok && imports[cloud+"/"+id] == "" {
			t.Errorf("the plan does not warn about the %s machine %s left by the killed apply:\n%s", cloud, id, plan)
		}
	}
	for _, want := range []string{"may be left from an interrupted apply, or belong to another configuration", "import {"} {
		if !strings.Contains(strings.Join(strings.Fields(plan), " "), want) {
			t.Errorf("the warning lacks %q", want)
		}
	}
	if t.Failed() {
		return
	}
	c.importAll(imports, len(killedMachines))
	c.run("destroy", "-auto-approve", "-input=false", "-no-color")
	if ledger := s.Ledger(); len(ledger) != 0 {
		t.Fatalf("billed after destroy: %v", ledger)
	}
}

var (
	warningAddress = regexp.MustCompile(`with (gpucloud_[a-z_]+\.[a-z_]+),`)
	warningID      = regexp.MustCompile(`id = "([^"]+)"`)
)

// importAll applies with an import block for each object imports names,
// which must import want objects and create none.
func (c *cli) importAll(imports map[string]string, want int) {
	c.t.Helper()
	var blocks strings.Builder
	for id, address := range imports {
		fmt.Fprintf(&blocks, "import {\n  to = %s\n  id = %q\n}\n", address, id)
	}
	c.write("imports.tf", blocks.String())
	out := c.run("apply", "-auto-approve", "-input=false", "-no-color")
	if !regexp.MustCompile(fmt.Sprintf(`%d imported, 0 added`, want)).MatchString(out) {
		c.t.Fatalf("the apply with the import blocks must import all %d objects and create none:\n%s", want, out)
	}
}

// importsFromWarnings reads the plan's warnings about existing objects:
// the ID of each object they name, with the address of the resource warned.
func importsFromWarnings(t *testing.T, plan string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, w := range strings.Split(plan, "Warning: ")[1:] {
		if !strings.Contains(w, "already exists") {
			continue
		}
		addr := warningAddress.FindStringSubmatch(w)
		if addr == nil {
			t.Fatalf("a warning that names no resource:\n%s", w)
		}
		for _, id := range warningID.FindAllStringSubmatch(w, -1) {
			out[id[1]] = addr[1]
		}
	}
	return out
}
