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

// Each registry type takes its own fields, checked at plan; the write-only
// token is sent and never stored, a new version of it replaces the
// credentials, and they import by name.
func TestAccRegistryCredentials_lifecycle(t *testing.T) {
	s := acctest.StartSim(t)
	addr := "gpucloud_verda_container_registry_credentials.hub"
	config := func(body string) string {
		return s.Config("resource \"gpucloud_verda_container_registry_credentials\" \"hub\" {\n  name = \"docker-hub\"\n" + body + "\n}\n")
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: config(`  type = "dockerhub"`), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)Missing username.*type = "dockerhub" needs username`)},
			{
				Config:      config("  type = \"gcr\"\n  service_account_key_wo = \"{}\"\n  username = \"me\""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)username is not a field of type = "gcr", which takes service_account_key`),
			},
			{Config: config(`  type = "quay"`), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)type.*value must be one of`)},
			{
				Config: config("  type = \"dockerhub\"\n  username = \"me\"\n  access_token_wo = \"dckr_pat_1\"\n  secrets_wo_version = 1"),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(addr, "id", knownvalue.StringExact("docker-hub")),
					acctest.Value(addr, "access_token_wo", knownvalue.Null()),
				},
			},
			{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"type", "username", "secrets_wo_version", "force_destroy"}},
			{
				Config:           config("  type = \"dockerhub\"\n  username = \"me\"\n  access_token_wo = \"dckr_pat_2\"\n  secrets_wo_version = 2"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate)}},
			},
		},
	})
	if n := s.Requests("POST /verda/v1/container-registry-credentials", ""); n != 2 {
		t.Fatalf("bad input must never reach Verda; want 2 creates, got %d", n)
	}
}

// On engines without write-only arguments the token is set as access_token,
// kept in state as a sensitive value and sent under the same name; it
// conflicts with access_token_wo, a type's secret is needed in one form or
// the other, and changing it replaces the credentials.
func TestAccRegistryCredentials_storedSecret(t *testing.T) {
	s := acctest.StartSim(t)
	addr := "gpucloud_verda_container_registry_credentials.ecr"
	config := func(body string) string {
		return s.Config("resource \"gpucloud_verda_container_registry_credentials\" \"ecr\" {\n  name = \"ecr\"\n  type = \"aws-ecr\"\n" +
			"  access_key_id = \"AKIA1\"\n  region = \"eu-north-1\"\n  ecr_repo = \"1.dkr.ecr.eu-north-1.amazonaws.com/app\"\n" + body + "\n}\n")
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: config(""), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)type = "aws-ecr" needs secret_access_key or\s+secret_access_key_wo`)},
			{
				Config: config("  secret_access_key = \"one\""),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value(addr, "secret_access_key", knownvalue.StringExact("one")),
					acctest.Value(addr, "secret_access_key_wo", knownvalue.Null()),
				},
			},
			{
				Config:            config("  secret_access_key = \"two\""),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate)}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(addr, "secret_access_key", knownvalue.StringExact("two"))},
			},
		},
	})
	// The simulator refuses an aws-ecr login without secret_access_key, so
	// the creates above prove it was sent under that name.
	if n := s.Requests("POST /verda/v1/container-registry-credentials", ""); n != 2 {
		t.Fatalf("want 2 creates, got %d", n)
	}
}
