package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// cli runs the built provider under the terraform CLI in a working
// directory of its own, as users run it.
type cli struct {
	t         *testing.T
	terraform string
	work      string
	env       []string
}

var (
	buildOnce   sync.Once
	providerDir string
	buildErr    error
)

// newCLI builds the provider (once per test binary) and prepares a working
// directory whose CLI configuration points gpucloud/gpucloud at it.
func newCLI(t *testing.T, env ...string) *cli {
	t.Helper()
	terraformPath := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if os.Getenv("TF_ACC") == "" || terraformPath == "" {
		t.Skip("needs TF_ACC=1 and TF_ACC_TERRAFORM_PATH; make test sets both")
	}
	buildOnce.Do(func() {
		providerDir, buildErr = os.MkdirTemp("", "gpucloud-e2e-bin")
		if buildErr != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(providerDir, "terraform-provider-gpucloud"), "../..").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("building the provider: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	dir := t.TempDir()
	cliConfig := filepath.Join(dir, "dev.tfrc")
	writeFile(t, cliConfig, fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"gpucloud/gpucloud\" = %q\n  }\n  direct {}\n}\n", providerDir))
	c := &cli{t: t, terraform: terraformPath, work: filepath.Join(dir, "work")}
	c.env = append(append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1"), env...)
	if err := os.MkdirAll(c.work, 0o755); err != nil {
		t.Fatal(err)
	}
	return c
}

// write puts a file into the working directory.
func (c *cli) write(name, content string) { writeFile(c.t, filepath.Join(c.work, name), content) }

// command is a terraform command in the working directory.
func (c *cli) command(args ...string) *exec.Cmd {
	cmd := exec.Command(c.terraform, args...)
	cmd.Dir, cmd.Env = c.work, c.env
	return cmd
}

// run runs a terraform command that must succeed and returns its output.
func (c *cli) run(args ...string) string {
	c.t.Helper()
	out, err := c.command(args...).CombinedOutput()
	if err != nil {
		c.t.Fatalf("terraform %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
