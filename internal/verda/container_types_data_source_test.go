package verda_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// Container types come with serverless prices in the currency asked for,
// cheapest first.
func TestAccContainerTypesDataSource_currency(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: s.Config(`
data "gpucloud_verda_container_types" "usd" {}
data "gpucloud_verda_container_types" "eur" { currency = "eur" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gpucloud_verda_container_types.usd", tfjsonpath.New("container_types").AtSliceIndex(0),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"currency": knownvalue.StringExact("usd"), "gpu_count": knownvalue.NotNull()})),
				statecheck.ExpectKnownValue("data.gpucloud_verda_container_types.eur", tfjsonpath.New("container_types").AtSliceIndex(0),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"currency": knownvalue.StringExact("eur")})),
			},
		}},
	})
	if s.Requests("GET /verda/v1/container-types", "200") < 2 {
		t.Fatal("each currency is its own request")
	}
}
