package api_test

import (
	"context"
	"testing"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	simbl "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// documented is every request the client sends, as document 004 and the
// supplement give them; the supplement gives the paths the document lacks.
var documented = acctest.Documented{
	"POST /instances/launch-instance":             {Fields: []string{"region", "instance_type", "ssh_key", "name", "username", "metadata.*", "template_name", "iso_url"}},
	"GET /instances":                              {},
	"GET /instances/{id}":                         {},
	"DELETE /instances/{id}":                      {},
	"PUT /instances/{id}/rename":                  {Fields: []string{"name"}},
	"POST /instances/{id}/power-on":               {},
	"POST /instances/{id}/shutdown":               {},
	"GET /instances/templates":                    {},
	"GET /instances/available":                    {},
	"GET /tasks/{id}":                             {},
	"GET /instances/{id}/firewall":                {},
	"PUT /instances/{id}/firewall":                {Fields: []string{"enable", "policy_in", "policy_out"}},
	"POST /instances/{id}/firewall/rules":         {Fields: []string{"type", "action", "proto", "dport", "sport", "source", "dest", "comment", "enable"}},
	"DELETE /instances/{id}/firewall/rules/{pos}": {},
	"GET /instances/{id}/ips":                     {},
	"POST /instances/{id}/ips":                    {},
	"DELETE /instances/{id}/ips/{ip}":             {},
	"GET /instances/{id}/backup-schedule":         {},
	"POST /instances/{id}/backup-schedule":        {Fields: []string{"enabled", "frequency", "time_utc", "retention_count"}},
	"DELETE /instances/{id}/backup-schedule":      {},
	"GET /instances/{id}/backups":                 {},
	// Described by the document without paths: the paths are inferred.
	"POST /instances/{id}/team":   {Fields: []string{"team_id"}},
	"DELETE /instances/{id}/team": {},
	"POST /instances/{id}/backup": {},
	"GET /backups":                {},
	"PUT /backups/notes":          {Fields: []string{"notes"}, Query: []string{"volid"}},
	"DELETE /backups":             {Query: []string{"volid"}},
}

// Every call the client makes, with every optional field set, carries only
// what the documents name. The launch's password, which no document names,
// is sent only when a configuration sets one, and so is not sent here.
func TestRequestsAreDocumented(t *testing.T) {
	s, rec := acctest.StartRecordingSim(t)
	c, err := api.New(api.Config{Endpoint: s.URL + simbl.Prefix, APIKey: simbl.DefaultAPIKey})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	must := func(err error) { t.Helper(); acctest.Must(t, err) }
	launch, err := c.LaunchInstance(ctx, api.LaunchRequest{
		Region: "igl", InstanceType: "cpu_8x", SSHKey: sshKey, Name: "documented", Username: "trainer",
		Metadata: map[string]string{"project": "x"}, TemplateName: "UBUNTU-22-04",
	})
	must(err)
	id := launch.VMUUID
	waitTask := func(task string, err error) {
		t.Helper()
		must(err)
		_, err = c.WaitTask(ctx, task, wait.Options{Object: "the test's task", Floor: time.Millisecond, Ceiling: 10 * time.Millisecond})
		must(err)
	}
	waitTask(launch.TaskID, nil)
	_, err = c.GetInstance(ctx, id)
	must(err)
	_, err = c.ListInstances(ctx)
	must(err)
	must(c.Rename(ctx, id, "documented-2"))
	waitTask(c.Shutdown(ctx, id))
	waitTask(c.PowerOn(ctx, id))
	_, err = c.ListTemplates(ctx)
	must(err)
	_, err = c.ListInstanceTypes(ctx)
	must(err)
	must(c.SetFirewall(ctx, id, true, "DROP", "ACCEPT"))
	_, err = c.AddRule(ctx, id, api.Rule{Type: "in", Action: "ACCEPT", Proto: "tcp", DPort: "22", SPort: "1024:65535",
		Source: "203.0.113.0/24", Dest: "198.51.100.1", Comment: "ssh", Enable: 1})
	must(err)
	_, err = c.GetFirewall(ctx, id)
	must(err)
	must(c.DeleteRule(ctx, id, 0))
	ip, err := c.AddIP(ctx, id)
	must(err)
	_, err = c.ListIPs(ctx, id)
	must(err)
	must(c.ReleaseIP(ctx, id, ip.IPAddress))
	must(c.PutSchedule(ctx, id, api.Schedule{Enabled: true, Frequency: "daily", TimeUTC: "03:00", RetentionCount: 5}))
	_, err = c.GetSchedule(ctx, id)
	must(err)
	backups, err := c.ListBackups(ctx, id)
	must(err)
	must(c.DeleteSchedule(ctx, id))
	must(c.AssignTeam(ctx, id, simbl.Teams[0].ID))
	must(c.RemoveFromTeam(ctx, id))
	waitTask(c.CreateBackup(ctx, id))
	all, err := c.ListAllBackups(ctx)
	must(err)
	if len(all) != len(backups)+1 {
		t.Fatalf("want one more backup, got %d after %d", len(all), len(backups))
	}
	must(c.SetBackupNotes(ctx, all[len(all)-1].VolID, "documented"))
	waitTask(c.DeleteBackup(ctx, all[len(all)-1].VolID))
	waitTask(c.DeleteInstance(ctx, id))
	rec.CheckDocumented(t, simbl.Prefix, documented)
}

const sshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rSNPx9K2mWQ7lWnQvHcMGz2T1G9r0oQy8w2Zx7Uu test@example"
