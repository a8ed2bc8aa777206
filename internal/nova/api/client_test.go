package api_test

import (
	"context"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
	simnova "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/nova"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

const key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rSNPx9K2mWQ7lWnQvHcMGz2T1G9r0oQy8w2Zx7Uu test@example"

func start(t *testing.T, cfg api.Config) (*sim.Server, *api.Client) {
	s := sim.New(sim.Options{})
	s.Nova.UpdateSwitches(func(sw *simnova.Switches) { sw.BootDelay = simcore.Duration(10 * time.Millisecond) })
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	cfg.Endpoint = srv.URL + simnova.Prefix
	c, err := api.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

func TestLoginOnceAndRefreshOnceUnderConcurrency(t *testing.T) {
	s, c := start(t, api.Config{Email: simnova.DefaultEmail, Password: simnova.DefaultPassword})
	ctx := context.Background()
	parallel := func() {
		var wg sync.WaitGroup
		for i := 0; i < 10; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := c.ListVMs(ctx); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
	}
	parallel()
	if n := s.Stats()["POST /nova/auth/login"].Count; n != 1 {
		t.Fatalf("%d logins, want 1", n)
	}
	s.Nova.ExpireTokens()
	parallel()
	st := s.Stats()
	if st["POST /nova/auth/refresh"].Count != 1 || st["POST /nova/auth/login"].Count != 1 {
		t.Fatalf("after expiry want one refresh and no new login: %+v", st)
	}
}

func TestWrongPasswordNamesTheSettings(t *testing.T) {
	_, c := start(t, api.Config{Email: simnova.DefaultEmail, Password: "wrong-password"})
	_, err := c.ListVMs(context.Background())
	if err == nil || !transport.IsUnauthorized(err) {
		t.Fatalf("want a 401, got %v", err)
	}
}

func TestListsAndPublicCalls(t *testing.T) {
	_, c := start(t, api.Config{APIKey: simnova.ReadWriteKey})
	ctx := context.Background()
	k, err := c.CreateSSHKey(ctx, key, "k")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 55; i++ {
		if _, err := c.CreateVM(ctx, api.CreateVMRequest{Node: "vm02", GPUType: "4090", GPUCount: 1, StorageGB: 50, TemplateVMID: 100, SSHKeyID: k.ID}); err != nil {
			if i >= 8 && transport.IsBadRequest(err) {
				break // vm02 has eight GPUs; Nova documents 400 for a request it refuses
			}
			t.Fatal(err)
		}
	}
	vms, err := c.ListVMs(ctx)
	if err != nil || len(vms) != 8 {
		t.Fatalf("%d VMs, %v", len(vms), err)
	}
	offers, err := c.Search(ctx)
	if err != nil || len(offers) != 11 {
		t.Fatalf("%d offers, %v", len(offers), err)
	}
	prices, err := c.Pricing(ctx)
	if err != nil || prices["5090"] != 0.69 {
		t.Fatalf("%v %v", prices, err)
	}
	if keys, err := c.SSHKeys(ctx, true); err != nil || len(keys) != 1 || keys[0].ID != k.ID || keys[0].Fingerprint != k.Fingerprint {
		t.Fatalf("SSHKeys: %+v %v", keys, err)
	}
}
