package api_test

import (
	"context"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	simnova "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/nova"
)

// documented is every request the client sends, as document 000 and the
// supplement give them (the VM power and delete paths and the key list and
// delete are [inferred] there).
var documented = acctest.Documented{
	"POST /auth/login":   {Fields: []string{"email", "password"}},
	"POST /auth/refresh": {Fields: []string{"refresh_token"}},
	"GET /vms":           {Query: []string{"limit", "offset"}},
	"POST /vms": {Fields: []string{"node", "gpu_type", "gpu_count", "storage_gb", "template_vmid", "rental_type", "reservation_months",
		"auth_method", "ssh_key_id", "password"}},
	"GET /vms/{id}":              {},
	"DELETE /vms/{id}":           {},
	"POST /vms/{id}/start":       {},
	"POST /vms/{id}/stop":        {},
	"GET /ssh-keys":              {Query: []string{"limit", "offset"}},
	"POST /ssh-keys":             {Fields: []string{"ssh_public_key", "label"}},
	"GET /ssh-keys/{id}":         {},
	"DELETE /ssh-keys/{id}":      {},
	"GET /search":                {},
	"GET /pricing":               {},
	"GET /billing/current-spend": {},
}

// Every call the client makes, with every optional field set, carries only
// what the documents name.
func TestRequestsAreDocumented(t *testing.T) {
	s, rec := acctest.StartRecordingSim(t)
	s.Nova.UpdateSwitches(func(sw *simnova.Switches) { sw.RateLimits = false })
	c, err := api.New(api.Config{Endpoint: s.NovaEndpoint(), Email: simnova.DefaultEmail, Password: simnova.DefaultPassword})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	must := func(err error) { t.Helper(); acctest.Must(t, err) }
	k, err := c.CreateSSHKey(ctx, key, "k")
	must(err)
	_, err = c.GetSSHKey(ctx, k.ID)
	must(err)
	_, err = c.ListSSHKeys(ctx)
	must(err)
	withKey, err := c.CreateVM(ctx, api.CreateVMRequest{Node: "vm02", GPUType: "4090", GPUCount: 1, StorageGB: 60, TemplateVMID: 101,
		RentalType: "reserved", ReservationMonths: 3, AuthMethod: "ssh_key", SSHKeyID: k.ID})
	must(err)
	withPassword, err := c.CreateVM(ctx, api.CreateVMRequest{Node: "vm02", GPUType: "4090", GPUCount: 1, StorageGB: 50, TemplateVMID: 100,
		AuthMethod: "password", Password: "a-long-password"})
	must(err)
	_, err = c.GetVM(ctx, withKey.ID)
	must(err)
	reaches := func(status string) {
		t.Helper()
		acctest.Eventually(t, "the VM is "+status, func() bool { vm, err := c.GetVM(ctx, withKey.ID); return err == nil && vm.Status == status })
	}
	reaches(api.StatusRunning)
	must(c.StopVM(ctx, withKey.ID))
	reaches(api.StatusStopped)
	must(c.StartVM(ctx, withKey.ID))
	_, err = c.ListVMs(ctx)
	must(err)
	s.Nova.ExpireTokens() // the next call refreshes its token
	for _, id := range []string{withKey.ID, withPassword.ID} {
		must(c.DeleteVM(ctx, id))
	}
	must(c.DeleteSSHKey(ctx, k.ID))
	_, err = c.Search(ctx)
	must(err)
	_, err = c.CurrentSpend(ctx)
	must(err)
	_, err = c.Pricing(ctx)
	must(err)
	rec.CheckDocumented(t, simnova.Prefix, documented)
}
