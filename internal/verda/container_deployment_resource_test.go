package verda_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

const deploymentAddr = "gpucloud_verda_container_deployment.llm"

// deploymentHCL is a deployment serving image with a secret-backed token,
// scaled between min and max replicas.
func deploymentHCL(image string, min, max int, extraEnv string) string {
	return fmt.Sprintf(`
resource "gpucloud_verda_secret" "hf" {
  name  = "hf-token"
  value = "hf_abc"
}
resource "gpucloud_verda_container_deployment" "llm" {
  name = "llm-serve"
  containers = [{
    image        = %q
    exposed_port = 8000
    healthcheck  = { port = 8000, path = "/health" }
    cmd          = ["--model", "llama-3-8b"]
    env = [
      { name = "HF_TOKEN", secret = gpucloud_verda_secret.hf.name },
      { name = "LOG_LEVEL", value = "info" },%s
    ]
    volume_mounts = [
      { type = "scratch", mount_path = "/data" },
      { type = "memory", mount_path = "/dev/shm", size_in_mb = 1024 },
    ]
  }]
  compute = { name = "H100", size = 1 }
  scaling = {
    min_replicas              = %d
    max_replicas              = %d
    cpu_utilization_threshold = 80
  }
}
`, image, extraEnv, min, max)
}

// A deployment is created and waited for until healthy; its scaling, its
// environment and its image change in place; it imports by name with an
// empty plan; a deployment deleted outside Terraform is made again; and
// destroying it leaves nothing.
func TestAccContainerDeployment_lifecycle(t *testing.T) {
	s := acctest.StartSim(t)
	update := func(cfg string) resource.TestStep {
		return resource.TestStep{
			Config:            s.Config(cfg),
			ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(deploymentAddr, plancheck.ResourceActionUpdate)}},
			ConfigStateChecks: []statecheck.StateCheck{acctest.Value(deploymentAddr, "status", knownvalue.StringExact("healthy"))},
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: s.Config(deploymentHCL("ghcr.io/acme/vllm:0.6.1", 1, 2, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(deploymentAddr, "status", knownvalue.StringExact("healthy")),
					acctest.Value(deploymentAddr, "endpoint_base_url", knownvalue.StringExact("https://containers.datacrunch.io/llm-serve")),
					acctest.Value(deploymentAddr, "replicas", knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("containers").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("llm-serve-0")),
					statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("scaling").AtMapKey("scale_down_delay_seconds"), knownvalue.Int64Exact(300)),
				},
			},
			update(deploymentHCL("ghcr.io/acme/vllm:0.6.1", 2, 4, "")),
			update(deploymentHCL("ghcr.io/acme/vllm:0.6.1", 2, 4, "\n      { name = \"MAX_TOKENS\", value = \"4096\" },")),
			update(deploymentHCL("ghcr.io/acme/vllm:0.6.2", 2, 4, "\n      { name = \"MAX_TOKENS\", value = \"4096\" },")),
			{ResourceName: deploymentAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts", "status", "replicas"}},
			{
				Config:           s.Config(deploymentHCL("ghcr.io/acme/vllm:0.6.2", 2, 4, "\n      { name = \"MAX_TOKENS\", value = \"4096\" },")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				PreConfig: func() {
					if !s.Verda.RemoveDeployment("llm-serve") {
						t.Fatal("no deployment to remove")
					}
				},
				Config:            s.Config(deploymentHCL("ghcr.io/acme/vllm:0.6.2", 2, 4, "\n      { name = \"MAX_TOKENS\", value = \"4096\" },")),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(deploymentAddr, plancheck.ResourceActionCreate)}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(deploymentAddr, "status", knownvalue.StringExact("healthy"))},
			},
		},
	})
}

// Bad input fails the plan naming the attribute, before anything is sent.
func TestAccContainerDeployment_badInput(t *testing.T) {
	s := acctest.StartSim(t)
	good := deploymentHCL("ghcr.io/acme/vllm:0.6.1", 1, 2, "")
	for _, tc := range []struct{ name, cfg, want string }{
		{"latest", deploymentHCL("ghcr.io/acme/vllm:latest", 1, 2, ""), `(?s)image.*explicit tag`},
		{"untagged", deploymentHCL("ghcr.io/acme/vllm", 1, 2, ""), `(?s)image.*explicit tag`},
		{"replicas", deploymentHCL("ghcr.io/acme/vllm:0.6.1", 3, 2, ""), `(?s)max_replicas = 2 is below min_replicas = 3`},
		{"compute", regexp.MustCompile(`size = 1 }`).ReplaceAllString(good, `size = 8 }`), `(?s)compute.*not Verda serverless compute`},
		{"memory", regexp.MustCompile(`size_in_mb = 1024 `).ReplaceAllString(good, ``), `(?s)Missing size_in_mb`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps:                    []resource.TestStep{{Config: s.Config(tc.cfg), PlanOnly: true, ExpectError: regexp.MustCompile(tc.want)}},
			})
		})
	}
	if n := s.Requests("POST /verda/v1/container-deployments", ""); n != 0 {
		t.Fatalf("bad input must fail before any create; %d were sent", n)
	}
}

// An unhealthy deployment fails the apply with its status and log lines,
// stays tracked (tainted), and is replaced by the next apply.
func TestAccContainerDeployment_unhealthyFailsWithItsLogs(t *testing.T) {
	s := acctest.StartSim(t)
	cfg := s.Config(deploymentHCL("ghcr.io/acme/vllm:0.6.1", 1, 2, ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.DeploymentOutcome = "unhealthy" }) },
				Config:      cfg,
				ExpectError: regexp.MustCompile(`(?s)ended\s+in\s+state\s+"unhealthy".*Back-off\s+restarting\s+failed\s+container`),
			},
			{
				PreConfig:        func() { s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.DeploymentOutcome = "" }) },
				Config:           cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(deploymentAddr, plancheck.ResourceActionDestroyBeforeCreate)}},
			},
		},
	})
}

// An image still pulling when the create times out fails with the status
// and the log lines, and stays tracked.
func TestAccContainerDeployment_pullThatNeverEndsTimesOut(t *testing.T) {
	s := acctest.StartSim(t)
	s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.DeploymentOutcome = "pull_forever" })
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{{
			Config: s.Config(regexp.MustCompile(`compute = \{`).ReplaceAllString(deploymentHCL("ghcr.io/acme/vllm:0.6.1", 1, 2, ""),
				"timeouts = { create = \"3s\" }\n  compute = {")),
			ExpectError: regexp.MustCompile(`(?s)timed\s+out.*image_pulling.*Pulling\s+image\s+ghcr.io/acme/vllm:0.6.1`),
		}},
	})
}

// examples/inference-endpoint applies against the simulator: a private
// image pulled with registry credentials, a secret-backed token, scale to
// zero, and the endpoint as its output. The example passes its secrets
// write-only, as the README says it needs Terraform or OpenTofu 1.11.
func TestAccContainerDeployment_inferenceEndpointExample(t *testing.T) {
	s := acctest.StartSim(t)
	example, err := os.ReadFile(filepath.Join("..", "..", "examples", "inference-endpoint", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{{
			Config: s.Config(string(example)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("endpoint", knownvalue.StringExact("https://containers.datacrunch.io/llm-endpoint")),
				acctest.Value(deploymentAddr, "replicas", knownvalue.Int64Exact(0)),
				acctest.Value(deploymentAddr, "registry_credentials", knownvalue.StringExact("acme-ghcr")),
			},
		}},
	})
}

// A create whose answer is lost is never taken to have made a deployment
// that bore its name before the request: another configuration's stays
// its own.
func TestAccContainerDeployment_lostCreateNeverAdoptsAnotherConfigurations(t *testing.T) {
	s := acctest.StartSim(t)
	theirs := deploymentHCL("ghcr.io/acme/vllm:0.6.1", 1, 2, "")
	ours := regexp.MustCompile(`"gpucloud_verda_container_deployment" "llm"`).ReplaceAllString(theirs, `"gpucloud_verda_container_deployment" "ours"`)
	ours = regexp.MustCompile(`(?s)resource "gpucloud_verda_secret" "hf" \{.*?\n\}\n`).ReplaceAllString(ours, "")
	ours = strings.ReplaceAll(ours, "gpucloud_verda_secret.hf.name", `"hf-token"`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: s.Config(theirs)},
			{
				PreConfig: func() {
					if _, err := s.AddFault(sim.Fault{Method: "POST", Path: "/verda/v1/container-deployments", Kind: sim.FaultDrop, Count: 1}); err != nil {
						t.Fatal(err)
					}
				},
				Config:      s.Config(theirs + ours),
				ExpectError: regexp.MustCompile(`(?s)creating\s+Verda\s+container\s+deployment`),
				Check: func(st *terraform.State) error {
					if _, adopted := st.RootModule().Resources["gpucloud_verda_container_deployment.ours"]; adopted {
						return fmt.Errorf("the other configuration's deployment was taken as this one's")
					}
					return nil
				},
			},
			{Config: s.Config(theirs)},
		},
	})
}
