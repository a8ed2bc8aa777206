package api_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
	simtd "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/tensordock"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

const key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rSNPx9K2mWQ7lWnQvHcMGz2T1G9r0oQy8w2Zx7Uu test@example"

func start(t *testing.T) (*simtd.Cloud, *api.Client) {
	s := sim.New(sim.Options{})
	s.TensorDock.UpdateSwitches(func(sw *simtd.Switches) {
		sw.StartDelay, sw.StopDelay = simcore.Duration(20*time.Millisecond), simcore.Duration(10*time.Millisecond)
		sw.RateLimits = false
	})
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	c, err := api.New(api.Config{Endpoint: srv.URL + simtd.Prefix, Token: simtd.DefaultToken})
	if err != nil {
		t.Fatal(err)
	}
	return s.TensorDock, c
}

func create(t *testing.T, c *api.Client, name string) string {
	t.Helper()
	id, err := c.CreateInstance(context.Background(), api.CreateAttributes{
		Name: name, Image: "debian12", HostnodeID: "4b1e0c5a-0000-4000-8000-0000000000a1", DedicatedIP: true, SSHKey: key,
		Resources: api.Resources{VCPUCount: 2, RAMGB: 8, StorageGB: 100, GPUs: map[string]api.GPUAllocation{"h100-sxm5-80gb": {Count: 1}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestEveryAnswerShape(t *testing.T) {
	for _, quirks := range []bool{false, true} {
		td, c := start(t)
		td.UpdateSwitches(func(sw *simtd.Switches) { sw.WrapGet, sw.ListAsArray, sw.ErrorsAs200 = quirks, quirks, quirks })
		ctx := context.Background()
		id := create(t, c, "shape")
		got, err := c.GetInstance(ctx, id)
		if err != nil || got.ID != id || got.Name != "shape" {
			t.Fatalf("quirks=%v: get %+v %v", quirks, got, err)
		}
		if model, count := got.Resources.GPU(); model != "h100-sxm5-80gb" || count != 1 {
			t.Fatalf("quirks=%v: GPUs %v %d", quirks, model, count)
		}
		all, err := c.ListInstances(ctx)
		if err != nil || len(all) != 1 || all[0].ID != id {
			t.Fatalf("quirks=%v: list %+v %v", quirks, all, err)
		}
		if shared, err := c.Instances(ctx, true); err != nil || len(shared) != 1 || shared[0].Name != "shape" {
			t.Fatalf("quirks=%v: shared list %+v %v", quirks, shared, err)
		}
		_, err = c.GetInstance(ctx, "nope")
		if !transport.IsNotFound(err) {
			t.Fatalf("quirks=%v: an error sent as HTTP 200 must still be a 404: %v", quirks, err)
		}
		if err := c.StartInstance(ctx, id); err == nil {
			t.Fatalf("quirks=%v: starting a starting machine must fail", quirks)
		}
	}
}

func TestEmptyListsInBothShapes(t *testing.T) {
	for _, asArray := range []bool{false, true} {
		td, c := start(t)
		td.UpdateSwitches(func(sw *simtd.Switches) { sw.ListAsArray = asArray })
		all, err := c.ListInstances(context.Background())
		if err != nil || len(all) != 0 {
			t.Fatalf("asArray=%v: %+v %v", asArray, all, err)
		}
	}
}

func TestNoCapacityIsACapacityError(t *testing.T) {
	for _, as200 := range []bool{false, true} {
		td, c := start(t)
		td.UpdateSwitches(func(sw *simtd.Switches) { sw.StaleStock, sw.ErrorsAs200 = true, as200 })
		_, err := c.CreateInstance(context.Background(), api.CreateAttributes{
			Name: "x", Image: "debian12", LocationID: "8f3c1a2e-0001-4a6b-9c1d-000000000001", DedicatedIP: true, SSHKey: key,
			Resources: api.Resources{VCPUCount: 2, RAMGB: 8, StorageGB: 100},
		})
		var apiErr *transport.APIError
		if !transport.IsCapacity(err) || !errors.As(err, &apiErr) || apiErr.Message != api.NoCapacityMessage {
			t.Fatalf("as200=%v: want a capacity error with TensorDock's message, got %v", as200, err)
		}
	}
}

func TestModifyAndSecrets(t *testing.T) {
	td, c := start(t)
	ctx := context.Background()
	id := create(t, c, "m")
	if err := c.ModifyInstance(ctx, id, api.ModifyRequest{CPUCores: 4, RAMGB: 16, DiskGB: 150}); err == nil {
		t.Fatal("modifying a running machine must fail")
	}
	for i := 0; i < 100; i++ {
		if got, _ := c.GetInstance(ctx, id); got != nil && got.Status == "running" {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := c.StopInstance(ctx, id); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		if got, _ := c.GetInstance(ctx, id); got != nil && got.IsStopped() {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := c.ModifyInstance(ctx, id, api.ModifyRequest{CPUCores: 4, RAMGB: 16, DiskGB: 150, GPUs: &api.ModifyGPUs{GPUV0Name: "h100-sxm5-80gb", Count: 0}}); err != nil {
		t.Fatal(err)
	}
	got, _ := c.GetInstance(ctx, id)
	if _, n := got.Resources.GPU(); got.Resources.VCPUCount != 4 || n != 0 {
		t.Fatalf("after modify: %+v", got.Resources)
	}
	if free := td.FreeGPUs("4b1e0c5a-0000-4000-8000-0000000000a1", "h100-sxm5-80gb"); free != 8 {
		t.Fatalf("the removed GPU must return to the hostnode: %d free", free)
	}

	sid, err := c.CreateSSHKey(ctx, "laptop", key)
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.GetSecret(ctx, sid)
	if err != nil || s.Name != "laptop" || s.Type != "SSHKEY" {
		t.Fatalf("secret %+v %v", s, err)
	}
	if keys, err := c.SSHKeys(ctx, true); err != nil || len(keys) != 1 || keys[0].ID != sid || keys[0].Name != "laptop" {
		t.Fatalf("SSHKeys: %+v %v", keys, err)
	}
	if err := c.DeleteSecret(ctx, sid); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetSecret(ctx, sid); !transport.IsNotFound(err) {
		t.Fatalf("want not found, got %v", err)
	}
}
