package api_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

const testKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rSNPx9K2mWQ7lWnQvHcMGz2T1G9r0oQy8w2Zx7Uu test@example"

func start(t *testing.T, limits ...transport.Limits) (*sim.Server, *api.Client) {
	t.Helper()
	s := sim.New(sim.Options{})
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	cfg := api.Config{
		Endpoint: srv.URL + simverda.Prefix, ClientID: simverda.DefaultClientID, ClientSecret: simverda.DefaultClientSecret,
	}
	if len(limits) > 0 {
		cfg.Limits = limits[0]
	}
	c, err := api.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

func TestSSHKeyLifecycleInEveryAnswerShape(t *testing.T) {
	for _, shape := range []struct {
		format   string
		asObject bool
	}{{"text", false}, {"json_string", true}, {"json_object", false}} {
		t.Run(shape.format, func(t *testing.T) {
			s, c := start(t)
			s.Verda.UpdateSwitches(func(sw *simverda.Switches) {
				sw.CreatedIDFormat, sw.SSHKeyGetAsObject = shape.format, shape.asObject
			})
			ctx := context.Background()
			id, err := c.CreateSSHKey(ctx, "k1", testKey)
			if err != nil {
				t.Fatal(err)
			}
			if len(id) != 36 {
				t.Fatalf("ID %q is not a UUID", id)
			}
			got, err := c.GetSSHKey(ctx, id)
			if err != nil || got.ID != id || got.Name != "k1" || got.Key != testKey {
				t.Fatalf("got %+v, %v", got, err)
			}
			if keys, err := c.SSHKeys(ctx, true); err != nil || len(keys) != 1 || keys[0].ID != id {
				t.Fatalf("SSHKeys: %+v, %v", keys, err)
			}
			if err := c.DeleteSSHKey(ctx, id); err != nil {
				t.Fatal(err)
			}
			if _, err := c.GetSSHKey(ctx, id); !transport.IsNotFound(err) {
				t.Fatalf("want not found after delete, got %v", err)
			}
			if err := c.DeleteSSHKey(ctx, id); !transport.IsNotFound(err) {
				t.Fatalf("want not found on second delete, got %v", err)
			}
		})
	}
}

func TestInvalidKeyIsRejectedWithCloudMessage(t *testing.T) {
	_, c := start(t)
	_, err := c.CreateSSHKey(context.Background(), "bad", "not a key")
	var apiErr *transport.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != 400 || apiErr.Code != "invalid_request" || !strings.Contains(apiErr.Message, "SSH key") {
		t.Fatalf("got %v", err)
	}
}

func TestStartupScriptsPaginate(t *testing.T) {
	s, c := start(t, transport.Limits{PerWindow: 100000, Window: time.Second})
	s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.ScriptQuota = 1000; sw.RateLimits = false })
	ctx := context.Background()
	for i := 0; i < 230; i++ {
		if _, err := c.CreateStartupScript(ctx, fmt.Sprintf("s%03d", i), "#!/bin/sh\necho "+fmt.Sprint(i)); err != nil {
			t.Fatal(err)
		}
	}
	s.ResetStats()
	all, err := c.ListStartupScripts(ctx)
	if err != nil || len(all) != 230 {
		t.Fatalf("got %d scripts, %v", len(all), err)
	}
	if all[0].Name != "s000" || all[229].Name != "s229" {
		t.Fatalf("pages out of order: first %s, last %s", all[0].Name, all[229].Name)
	}
	if n := s.Stats()["GET /verda/v1/scripts"].Count; n != 3 {
		t.Fatalf("want 3 page requests for 230 scripts, got %d", n)
	}
	shared, err := c.StartupScripts(ctx, true)
	if err != nil || len(shared) != 230 {
		t.Fatalf("StartupScripts: %d, %v", len(shared), err)
	}
	found := all[150].ID
	got, err := c.GetStartupScript(ctx, found)
	if err != nil || got.Script != "#!/bin/sh\necho 150" {
		t.Fatalf("got %+v, %v", got, err)
	}
	if err := c.DeleteStartupScript(ctx, found); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetStartupScript(ctx, found); !transport.IsNotFound(err) {
		t.Fatalf("want not found, got %v", err)
	}
}

func TestCatalogue(t *testing.T) {
	s, c := start(t)
	ctx := context.Background()
	locs, err := c.ListLocations(ctx)
	if err != nil || len(locs) != 4 || locs[0].Code != "FIN-01" || locs[0].CountryCode != "FI" {
		t.Fatalf("locations %+v, %v", locs, err)
	}
	images, err := c.ListImages(ctx)
	if err != nil || len(images) == 0 || images[0].ImageType == "" {
		t.Fatalf("images %+v, %v", images, err)
	}
	for _, img := range images {
		if img.IsCluster {
			t.Fatalf("cluster image %s among instance images", img.ImageType)
		}
	}
	types, err := c.ListInstanceTypes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var h100 *api.InstanceType
	for i := range types {
		if types[i].InstanceType == "1H100.80S.22V" {
			h100 = &types[i]
		}
	}
	if h100 == nil || h100.PricePerHour != 3.17 || h100.SpotPrice != 1.27 || h100.GPU.NumberOfGPUs != 1 || h100.GPUMemory.SizeInGigabytes != 80 {
		t.Fatalf("1H100 read wrong: %+v", h100)
	}
	spot, err := c.ListAvailability(ctx, true)
	if err != nil || len(spot) != 2 {
		t.Fatalf("spot availability %+v, %v", spot, err)
	}
	vts, err := c.ListVolumeTypes(ctx)
	if err != nil || len(vts) != 4 || vts[0].Price.PricePerMonthPerGB != 0.2 {
		t.Fatalf("volume types %+v, %v", vts, err)
	}
	bal, err := c.GetBalance(ctx)
	if err != nil || bal.Amount != 1000 || bal.Currency != "usd" {
		t.Fatalf("balance %+v, %v", bal, err)
	}
	for _, asStrings := range []bool{false, true} {
		s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.AvailabilityAsStrings = asStrings })
		yes, err := c.IsAvailable(ctx, "8H100.80S.176V", "FIN-02", false)
		if err != nil || !yes {
			t.Fatalf("strings=%v: 8H100 in FIN-02: %v, %v", asStrings, yes, err)
		}
		no, err := c.IsAvailable(ctx, "8H100.80S.176V", "FIN-01", false)
		if err != nil || no {
			t.Fatalf("strings=%v: 8H100 in FIN-01: %v, %v", asStrings, no, err)
		}
	}
}

func TestWrongCredentialsNameTheProblem(t *testing.T) {
	s := sim.New(sim.Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()
	c, _ := api.New(api.Config{Endpoint: srv.URL + simverda.Prefix, ClientID: "x", ClientSecret: "wrong-secret"})
	_, err := c.ListLocations(context.Background())
	if err == nil || !strings.Contains(err.Error(), "client_secret") || strings.Contains(err.Error(), "wrong-secret") {
		t.Fatalf("want an authentication error that names the setting, not its value; got %v", err)
	}
}

func TestExpiredTokenIsRenewed(t *testing.T) {
	s, c := start(t)
	ctx := context.Background()
	if _, err := c.ListLocations(ctx); err != nil {
		t.Fatal(err)
	}
	s.Verda.ExpireTokens()
	if _, err := c.ListLocations(ctx); err != nil {
		t.Fatalf("an expired token must be renewed transparently: %v", err)
	}
	st := s.Stats()
	if st["POST /verda/v1/oauth2/token"].Count != 2 || st["GET /verda/v1/locations"].Statuses["401"] != 1 {
		t.Fatalf("want one refusal and one renewal, got %+v", st)
	}
}

func TestFormOnlyTokenEndpoint(t *testing.T) {
	s, c := start(t)
	s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.TokenFormOnly = true })
	if _, err := c.ListLocations(context.Background()); err != nil {
		t.Fatalf("the client must fall back to a form body: %v", err)
	}
}

func TestTheLimitsVerdaAnnouncesAreKept(t *testing.T) {
	s, c := start(t)
	s.Verda.UpdateSwitches(func(sw *simverda.Switches) {
		sw.EndpointLimit = 3
		sw.RateLimitWindow = simDuration(time.Second)
	})
	ctx := context.Background()
	begin := time.Now()
	for i := 0; i < 7; i++ {
		if _, err := c.ListLocations(ctx); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	st := s.Stats()["GET /verda/v1/locations"]
	if st.Statuses["200"] != 7 || st.Statuses["429"] != 0 {
		t.Fatalf("want every request within the announced 3 a second, got %+v", st)
	}
	if d := time.Since(begin); d < 2*time.Second {
		t.Fatalf("7 requests at 3 a second took only %v", d)
	}
}

func TestLostCreateAnswerIsRecognisable(t *testing.T) {
	s, c := start(t)
	ctx := context.Background()
	if _, err := c.ListLocations(ctx); err != nil { // fetch a token first
		t.Fatal(err)
	}
	if _, err := s.AddFault(sim.Fault{Method: "POST", Path: "/verda/v1/ssh-keys", Kind: sim.FaultDropAfter, Count: 1}); err != nil {
		t.Fatal(err)
	}
	_, err := c.CreateSSHKey(ctx, "lost", testKey)
	if !transport.MayHaveSucceeded(err) {
		t.Fatalf("want an error that says the create may have happened, got %v", err)
	}
	keys, err := c.SSHKeys(ctx, true)
	if err != nil || len(keys) != 1 || keys[0].Name != "lost" {
		t.Fatalf("the key was created and must be listed: %+v, %v", keys, err)
	}
	if n := s.Stats()["POST /verda/v1/ssh-keys"].Count; n != 1 {
		t.Fatalf("the create must not be repeated, got %d", n)
	}
}

func simDuration(d time.Duration) simcore.Duration { return simcore.Duration(d) }
