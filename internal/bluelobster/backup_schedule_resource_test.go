package bluelobster_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

func scheduleHCL(freq, at string) string {
	return fmt.Sprintf(`
resource "gpucloud_bluelobster_backup_schedule" "s" {
  instance_id     = gpucloud_bluelobster_instance.vm.id
  frequency       = %q
  time_utc        = %q
  retention_count = 14
}
`, freq, at)
}

// A changed schedule is updated in place, and a backup that ran shows.
func TestAccBackupSchedule_updatesInPlace(t *testing.T) {
	s := acctest.StartSim(t)
	base := instanceHCL("sched-box", "running", "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: s.Config(base + scheduleHCL("daily", "03:00"))},
			{
				PreConfig: func() {
					for _, o := range s.Ledger() {
						s.BlueLobster.RunBackup(o.ID, 45_200_000_000)
					}
				},
				Config: s.Config(base + scheduleHCL("weekly", "22:30")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("gpucloud_bluelobster_backup_schedule.s", plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value("gpucloud_bluelobster_backup_schedule.s", "frequency", knownvalue.StringExact("weekly")),
					acctest.Value("gpucloud_bluelobster_backup_schedule.s", "time_utc", knownvalue.StringExact("22:30")),
					acctest.Value("gpucloud_bluelobster_backup_schedule.s", "last_backup", knownvalue.NotNull()),
				},
			},
		},
	})
}

// A bad frequency or time is a plan-time error naming the attribute.
func TestAccBackupSchedule_badInput(t *testing.T) {
	s := acctest.StartSim(t)
	expectPlanErrors(t, s, map[string]string{
		instanceHCL("ok", "running", "") + `resource "gpucloud_bluelobster_backup_schedule" "s" {
  instance_id = "x"
  frequency   = "hourly"
  time_utc    = "25:00"
}`: `(?s)frequency.*value must be one of.*|time_utc.*HH:MM`,
	})
}
