package verda_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

// The balance is read as Verda states it, and a precondition on it stops a
// plan that the balance cannot cover.
func TestAccBalanceDataSource_amountAndPrecondition(t *testing.T) {
	s := acctest.StartSim(t)
	s.Verda.UpdateCatalog(func(c *simverda.Catalog) { c.Balance = 42.5 })
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: s.Config(`data "gpucloud_verda_balance" "b" {}`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.gpucloud_verda_balance.b", tfjsonpath.New("amount"), knownvalue.Float64Exact(42.5)),
					statecheck.ExpectKnownValue("data.gpucloud_verda_balance.b", tfjsonpath.New("currency"), knownvalue.StringExact("usd")),
				},
			},
			{
				Config: s.Config(`
data "gpucloud_verda_balance" "b" {
  lifecycle {
    postcondition {
      condition     = self.amount >= 100
      error_message = "The Verda balance is below 100."
    }
  }
}`),
				ExpectError: regexp.MustCompile(`The Verda balance is below 100`),
			},
		},
	})
}
