package bluelobster_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simbluelobster "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

const backupAddr = "gpucloud_bluelobster_backup.b"

func backupHCL(notes string) string {
	return instanceHCL("backed-up", "running", "") + `
resource "gpucloud_bluelobster_backup" "b" {
  instance_id = gpucloud_bluelobster_instance.vm.id
` + notes + `
}
`
}

// A backup taken on demand keeps the one new backup, beside one the schedule
// took before; its notes change in place; it imports by volid; notes changed
// and a backup deleted in the console are drift the next plan repairs; and
// destroying it deletes it, leaving nothing billed.
func TestAccBackup_lifecycle(t *testing.T) {
	s := acctest.StartSim(t)
	var volid string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{Config: s.Config(instanceHCL("backed-up", "running", ""))},
			{
				PreConfig: func() {
					for _, o := range s.Ledger() {
						if o.Kind == "instance" && !s.BlueLobster.RunBackup(o.ID, 1<<30) {
							t.Fatal("the scheduled backup could not be taken")
						}
					}
				},
				Config: s.Config(backupHCL(`  notes = "before the upgrade"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(backupAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^wil-pbs-01:backup/vm/\d+/`))),
					statecheck.ExpectKnownValue(backupAddr, tfjsonpath.New("notes"), knownvalue.StringExact("before the upgrade")),
					statecheck.ExpectKnownValue(backupAddr, tfjsonpath.New("instance_name"), knownvalue.StringExact("backed-up")),
				},
				Check: func(st *terraform.State) error {
					volid = st.RootModule().Resources[backupAddr].Primary.ID
					if n := s.CountObjects("bluelobster", "backup"); n != 2 {
						return fmt.Errorf("want the scheduled backup and the new one, got %d", n)
					}
					return nil
				},
			},
			{
				Config:            s.Config(backupHCL(`  notes = "stable"`)),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(backupAddr, plancheck.ResourceActionUpdate)}},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(backupAddr, tfjsonpath.New("notes"), knownvalue.StringExact("stable"))},
			},
			{ResourceName: backupAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{
				PreConfig: func() {
					if !s.BlueLobster.EditBackupNotes(volid, "edited in the console") {
						t.Fatal("no backup to edit")
					}
				},
				Config:           s.Config(backupHCL(`  notes = "stable"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(backupAddr, plancheck.ResourceActionUpdate)}},
			},
			{
				PreConfig: func() {
					if !s.BlueLobster.RemoveBackup(volid) {
						t.Fatal("no backup to remove")
					}
				},
				Config:           s.Config(backupHCL(`  notes = "stable"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(backupAddr, plancheck.ResourceActionCreate)}},
			},
			{
				Config: s.Config(instanceHCL("backed-up", "running", "")),
				Check: func(*terraform.State) error {
					if n := s.CountObjects("bluelobster", "backup"); n != 1 {
						return fmt.Errorf("destroying the backup must delete it and only it; %d backups are left", n)
					}
					return nil
				},
			},
		},
	})
}

// A backup of an instance that does not exist fails naming it; a backup that
// outlasts its create timeout is kept in state under its task, tainted, and
// the next apply replaces it, deleting it once taken: one backup is left,
// and none outside state.
func TestAccBackup_failedAndTimedOutCreate(t *testing.T) {
	s := acctest.StartSim(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingBilled,
		Steps: []resource.TestStep{
			{
				Config: s.Config(`
resource "gpucloud_bluelobster_backup" "b" {
  instance_id = "00000000-0000-4000-8000-000000000000"
}`),
				ExpectError: regexp.MustCompile(`(?s)creating.*backup.*Instance not found`),
			},
			{Config: s.Config(instanceHCL("backed-up", "running", ""))},
			{
				PreConfig: func() {
					s.BlueLobster.UpdateSwitches(func(sw *simbluelobster.Switches) { sw.TaskDelay = simcore.Duration(4 * time.Second) })
				},
				Config:      s.Config(backupHCL(`  timeouts = { create = "1s" }`)),
				ExpectError: regexp.MustCompile(`(?s)tracked\s+in\s+state\s+under\s+its\s+task\s+and\s+marked\s+tainted`),
			},
			{
				PreConfig:        func() { s.TestSpeeds() },
				Config:           s.Config(backupHCL("")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(backupAddr, plancheck.ResourceActionDestroyBeforeCreate)}},
				Check: func(st *terraform.State) error {
					if n := s.CountObjects("bluelobster", "backup"); n != 1 {
						return fmt.Errorf("the replacement must delete the timed-out backup once taken; %d backups exist", n)
					}
					for _, o := range s.Ledger() {
						if o.Kind == "backup" && o.ID != st.RootModule().Resources[backupAddr].Primary.ID {
							return fmt.Errorf("billed backup %s is not the one in state", o.ID)
						}
					}
					return nil
				},
			},
			{Config: s.Config(instanceHCL("backed-up", "running", ""))},
		},
	})
}
