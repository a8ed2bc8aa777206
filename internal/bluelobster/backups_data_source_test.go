package bluelobster_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// The backups of an instance, as Blue Lobster lists them.
func TestAccBackups_listsTheInstancesBackups(t *testing.T) {
	s := acctest.StartSim(t)
	base := instanceHCL("backup-box", "running", "") + scheduleHCL("daily", "03:00")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config:            s.Config(base + `data "gpucloud_bluelobster_backups" "b" { instance_id = gpucloud_bluelobster_instance.vm.id }`),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Value("data.gpucloud_bluelobster_backups.b", "backups", knownvalue.ListSizeExact(0))},
			},
			{
				PreConfig: func() {
					for _, o := range s.Ledger() {
						s.BlueLobster.RunBackup(o.ID, 45_200_000_000)
					}
				},
				Config: s.Config(base + `data "gpucloud_bluelobster_backups" "b" { instance_id = gpucloud_bluelobster_instance.vm.id }`),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Value("data.gpucloud_bluelobster_backups.b", "backups", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"size_bytes": knownvalue.Int64Exact(45_200_000_000), "size_human": knownvalue.StringExact("45.2 GB")}),
					})),
				},
			},
		},
	})
}
