package verda_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

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
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: config(`  type = "dockerhub"`), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)Missing username.*type = "dockerhub" needs username`)},
			{
				Config:      config("  type = \"gcr\"\n  service_account_key_wo = \"{}\"\n  username = \"me\""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)username is not a field of type = "gcr", which takes service_account_key_wo`),
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
