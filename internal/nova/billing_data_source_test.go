package nova_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simnova "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/nova"
)

// With one VM running, the billing tells its rate as the current spend and
// the account's balance, and keeps the whole answer.
func TestAccBillingDataSource_spendAndBalance(t *testing.T) {
	s := acctest.StartSim(t)
	s.Nova.UpdateSwitches(func(sw *simnova.Switches) { sw.Balance = 75 })
	vm := keyHCL() + vmHCL("")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: s.Config(vm)},
			{
				Config: s.Config(vm + `data "gpucloud_nova_billing" "now" { depends_on = [gpucloud_nova_instance.vm] }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.gpucloud_nova_billing.now", tfjsonpath.New("balance"), knownvalue.Float64Exact(75)),
					statecheck.ExpectKnownValue("data.gpucloud_nova_billing.now", tfjsonpath.New("currency"), knownvalue.StringExact("USD")),
					statecheck.ExpectKnownValue("data.gpucloud_nova_billing.now", tfjsonpath.New("answer_json"), knownvalue.NotNull()),
					statecheck.CompareValuePairs("data.gpucloud_nova_billing.now", tfjsonpath.New("current_spend"),
						"gpucloud_nova_instance.vm", tfjsonpath.New("price_per_hour"), compare.ValuesSame()),
				},
			},
		},
	})
}
