package verda_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// A file secret sends its files as filebase64() gives them, imports by name,
// and new files replace it; content that is not base64 fails the plan.
func TestAccFileSecret_lifecycle(t *testing.T) {
	s := acctest.StartSim(t)
	addr := "gpucloud_verda_file_secret.certs"
	config := func(files string) string {
		return s.Config("resource \"gpucloud_verda_file_secret\" \"certs\" {\n  name  = \"tls-certs\"\n  files = " + files + "\n}\n")
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: config(`{ "tls.crt" = "not base64!" }`), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)files.*must be base64`)},
			{
				Config:            config(`{ "tls.crt" = base64encode("CERT"), "tls.key" = base64encode("KEY") }`),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value(addr, "id", knownvalue.StringExact("tls-certs"))},
				Check: func(*terraform.State) error {
					if _, files, ok := s.Verda.SecretValue("tls-certs"); !ok || files["tls.key"] != "S0VZ" {
						return fmt.Errorf("Verda holds %v", files)
					}
					return nil
				},
			},
			{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"files", "force_destroy"}},
			{
				Config:           config(`{ "tls.crt" = base64encode("CERT2"), "tls.key" = base64encode("KEY") }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate)}},
			},
		},
	})
}
