package bluelobster_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simbluelobster "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
)

func teamHCL(team string) string {
	return instanceHCL("teamed", "running", team)
}

// An instance joins a team at launch, moves to another and leaves it, each
// in place; the teams data source lists the team with its instance; an
// unknown team fails the apply naming team_id, and nothing is left billed.
func TestAccTeams_assignMoveAndRemoveInPlace(t *testing.T) {
	s := acctest.StartSim(t)
	ml, render := simbluelobster.Teams[0], simbluelobster.Teams[1]
	addr := "gpucloud_bluelobster_instance.vm"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: s.Config(teamHCL(fmt.Sprintf("  team_id = %q", ml.ID))),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("team_name"), knownvalue.StringExact(ml.Name)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("os_type"), knownvalue.StringExact("linux")),
				},
			},
			{
				Config: s.Config(teamHCL(fmt.Sprintf("  team_id = %q", render.ID)) + `
data "gpucloud_bluelobster_teams" "render" {
  name       = "render team"
  depends_on = [gpucloud_bluelobster_instance.vm]
}`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("team_name"), knownvalue.StringExact(render.Name)),
					statecheck.ExpectKnownValue("data.gpucloud_bluelobster_teams.render", tfjsonpath.New("teams"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"id": knownvalue.StringExact(render.ID), "name": knownvalue.StringExact(render.Name),
							"instance_ids": knownvalue.ListSizeExact(1),
						}),
					})),
				},
			},
			{
				Config:            s.Config(teamHCL(`  team_id = ""`)),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)}},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(addr, tfjsonpath.New("team_name"), knownvalue.StringExact(""))},
			},
			{
				// Unset: the team is left as it is.
				Config:           s.Config(teamHCL("")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config:      s.Config(teamHCL(`  team_id = "00000000-0000-4000-8000-000000000000"`)),
				ExpectError: regexp.MustCompile(`(?s)changing\s+the\s+team.*Team\s+not\s+found`),
			},
		},
	})
}
