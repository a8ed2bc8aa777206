package verda_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

const secretAddr = "gpucloud_verda_secret.token"

func secretHCL(body string) string {
	return "resource \"gpucloud_verda_secret\" \"token\" {\n  name = \"hf-token\"\n" + body + "\n}\n"
}

// A secret's value is sent once, never read back: the stored form and the
// write-only one (rotated by its version, which replaces the secret); it
// imports by name with an empty plan; one deleted outside Terraform is made
// again; one in use is not deleted until force_destroy says so.
func TestAccSecret_lifecycle(t *testing.T) {
	s := acctest.StartSim(t)
	value := secretValue(t, s)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: s.Config(secretHCL(`  value = "hf_first"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(secretAddr, "id", knownvalue.StringExact("hf-token")),
					acctest.Value(secretAddr, "created_at", knownvalue.NotNull()),
				},
			},
			{
				PreConfig:         value("hf_first"),
				Config:            s.Config(secretHCL("  value_wo = \"hf_second\"\n  value_wo_version = 1")),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(secretAddr, plancheck.ResourceActionDestroyBeforeCreate)}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(secretAddr, "value", knownvalue.Null())},
			},
			{
				PreConfig:        value("hf_second"),
				Config:           s.Config(secretHCL("  value_wo = \"hf_third\"\n  value_wo_version = 2")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(secretAddr, plancheck.ResourceActionDestroyBeforeCreate)}},
			},
			{
				PreConfig:                            value("hf_third"),
				ResourceName:                         secretAddr,
				ImportState:                          true,
				ImportStateVerify:                    true,
				ImportStateVerifyIdentifierAttribute: "id",
				ImportStateVerifyIgnore:              []string{"value_wo_version", "force_destroy"},
			},
			{
				PreConfig: func() {
					if !s.Verda.RemoveSecret("hf-token") {
						t.Fatal("no secret to remove")
					}
				},
				Config:           s.Config(secretHCL("  value_wo = \"hf_third\"\n  value_wo_version = 2")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(secretAddr, plancheck.ResourceActionCreate)}},
			},
			{
				PreConfig: func() {
					if !s.Verda.UseSecret("hf-token", "llama-serve") {
						t.Fatal("no secret to use")
					}
				},
				Config:      s.Config("# the secret is removed from the configuration\n"),
				ExpectError: regexp.MustCompile(`(?s)in\s+use\s+by\s+llama-serve.*force_destroy\s+=\s+true`),
			},
			{
				Config:           s.Config(secretHCL("  value_wo = \"hf_third\"\n  value_wo_version = 2\n  force_destroy = true")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(secretAddr, plancheck.ResourceActionUpdate)}},
			},
			{Config: s.Config("# forced out\n")},
		},
	})
}

// secretValue checks, before a step, what Verda holds in the secret hf-token.
func secretValue(t *testing.T, s *acctest.Sim) func(want string) func() {
	return func(want string) func() {
		return func() {
			if got, _, ok := s.Verda.SecretValue("hf-token"); !ok || got != want {
				t.Fatalf("Verda holds %q (found %v), want %q", got, ok, want)
			}
		}
	}
}

// On every engine, write-only arguments or not: the stored value is sent,
// a new one replaces the secret, and it imports by name.
func TestAccSecret_storedValue(t *testing.T) {
	s := acctest.StartSim(t)
	value := secretValue(t, s)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config:            s.Config(secretHCL(`  value = "hf_first"`)),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(secretAddr, "value", knownvalue.StringExact("hf_first"))},
			},
			{
				PreConfig:        value("hf_first"),
				Config:           s.Config(secretHCL(`  value = "hf_second"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(secretAddr, plancheck.ResourceActionDestroyBeforeCreate)}},
			},
			{
				PreConfig: value("hf_second"), ResourceName: secretAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "id", ImportStateVerifyIgnore: []string{"value", "force_destroy"},
			},
		},
	})
}

// Bad input fails the plan naming the attribute; nothing is created.
func TestAccSecret_badInput(t *testing.T) {
	s := acctest.StartSim(t)
	for cfg, want := range map[string]string{
		"resource \"gpucloud_verda_secret\" \"token\" {\n  name = \"HF_Token\"\n  value = \"x\"\n}": `(?s)name.*lowercase DNS label`,
		"resource \"gpucloud_verda_secret\" \"token\" {\n  name = \"hf-token\"\n}":                  `(?s)Missing value or value_wo`,
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps:                    []resource.TestStep{{Config: s.Config(cfg), PlanOnly: true, ExpectError: regexp.MustCompile(want)}},
		})
	}
	if acctest.WriteOnlyArguments() {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps: []resource.TestStep{{Config: s.Config(secretHCL(`  value = "x"` + "\n" + `  value_wo = "y"` + "\n  value_wo_version = 1")),
				PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination`)}},
		})
	}
	if n := s.Requests("POST /verda/v1/secrets", ""); n != 0 {
		t.Fatalf("bad input must fail before any create; %d were sent", n)
	}
}
