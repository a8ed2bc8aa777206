package api_test

import (
	"context"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// documented is every request the client sends, as document 002 (and the
// supplement's labelled facts) give it.
var documented = acctest.Documented{
	"POST /oauth2/token":             {Fields: []string{"grant_type", "client_id", "client_secret", "refresh_token"}},
	"GET /instances":                 {},
	"POST /instances":                {Fields: deployFields},
	"GET /instances/{id}":            {},
	"PUT /instances":                 {Fields: []string{"action", "id[]", "volume_ids[]", "delete_permanently"}},
	"GET /volumes":                   {},
	"POST /volumes":                  {Fields: []string{"type", "location_code", "size", "name", "instance_id", "instance_ids[]"}},
	"GET /volumes/{id}":              {},
	"PUT /volumes":                   {Fields: []string{"action", "id[]", "instance_id", "instance_ids[]", "is_permanent", "location_code", "name", "size", "type"}},
	"DELETE /volumes/{id}":           {Fields: []string{"is_permanent"}},
	"GET /ssh-keys":                  {},
	"POST /ssh-keys":                 {Fields: []string{"name", "key"}},
	"GET /ssh-keys/{id}":             {},
	"DELETE /ssh-keys/{id}":          {},
	"GET /scripts":                   {Query: []string{"page", "pageSize"}},
	"POST /scripts":                  {Fields: []string{"name", "script"}},
	"GET /scripts/{id}":              {},
	"DELETE /scripts/{id}":           {},
	"GET /locations":                 {},
	"GET /images":                    {},
	"GET /instance-types":            {},
	"GET /instance-availability":     {Query: []string{"is_spot", "location_code"}},
	"GET /instance-availability/{t}": {Query: []string{"is_spot", "location_code"}},
	"GET /volume-types":              {},
	"GET /balance":                   {},
}

var deployFields = []string{
	"instance_type", "image", "hostname", "description", "location_code", "ssh_key_ids[]", "startup_script_id", "is_spot",
	"contract", "coupon", "pricing", "os_volume.name", "os_volume.size", "os_volume.on_spot_discontinue",
	"volumes[].name", "volumes[].size", "volumes[].type", "volumes[].on_spot_discontinue", "existing_volumes[]",
}

// Every call the client makes, with every optional field set, carries only
// what the document names.
func TestRequestsAreDocumented(t *testing.T) {
	s, rec := acctest.StartRecordingSim(t)
	s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.RateLimits = false }) // the waits below poll fast
	c, err := api.New(api.Config{Endpoint: s.VerdaEndpoint(), ClientID: simverda.DefaultClientID, ClientSecret: simverda.DefaultClientSecret,
		Limits: transport.Limits{PerWindow: 1 << 20}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	must := func(err error) { t.Helper(); acctest.Must(t, err) }
	key, err := c.CreateSSHKey(ctx, "k", testKey)
	must(err)
	_, err = c.GetSSHKey(ctx, key)
	must(err)
	_, err = c.ListSSHKeys(ctx)
	must(err)
	script, err := c.CreateStartupScript(ctx, "s", "#!/bin/sh\ntrue\n")
	must(err)
	_, err = c.GetStartupScript(ctx, script)
	must(err)
	_, err = c.ListStartupScripts(ctx)
	must(err)
	spare, err := c.CreateVolume(ctx, api.CreateVolumeRequest{Type: "NVMe", LocationCode: "FIN-01", Size: 20, Name: "spare"})
	must(err)
	id, err := c.DeployInstance(ctx, api.DeployRequest{
		InstanceType: "CPU.4V.16G", Image: "ubuntu-24.04", Hostname: "documented", Description: "d", LocationCode: "FIN-01",
		SSHKeyIDs: []string{key}, StartupScriptID: script, IsSpot: true, Contract: "SPOT", Coupon: "WELCOME10",
		OSVolume:        &api.OSVolumeSpec{Name: "os", Size: 60, OnSpotDiscontinue: "delete_permanently"},
		Volumes:         []api.NewVolumeSpec{{Name: "data", Size: 20, Type: "NVMe", OnSpotDiscontinue: "move_to_trash"}},
		ExistingVolumes: []string{spare},
	})
	must(err)
	_, err = c.GetInstance(ctx, id)
	must(err)
	_, err = c.ListInstances(ctx)
	must(err)
	eventually(t, "running", func() bool { return status(c, id) == api.StatusRunning })
	must(c.InstanceAction(ctx, api.ActionRequest{Action: api.ActionShutdown, ID: []string{id}}))
	eventually(t, "offline", func() bool { return status(c, id) == api.StatusOffline })
	v, err := c.CreateVolume(ctx, api.CreateVolumeRequest{Type: "NVMe", LocationCode: "FIN-01", Size: 10, Name: "v", InstanceIDs: []string{id}})
	must(err)
	_, err = c.GetVolume(ctx, v)
	must(err)
	_, err = c.ListVolumes(ctx)
	must(err)
	_ = c.VolumeAction(ctx, api.VolumeActionRequest{Action: api.VolumeActionRename, ID: []string{v}, Name: "w"})
	_ = c.VolumeAction(ctx, api.VolumeActionRequest{Action: api.VolumeActionResize, ID: []string{v}, Size: 30})
	_ = c.VolumeAction(ctx, api.VolumeActionRequest{Action: api.VolumeActionDetach, ID: []string{v}, InstanceID: id})
	must(c.DeleteVolume(ctx, v, true))
	none := []string{}
	_ = c.InstanceAction(ctx, api.ActionRequest{Action: api.ActionDelete, ID: []string{id}, VolumeIDs: &none, DeletePermanently: true})
	must(c.DeleteSSHKey(ctx, key))
	must(c.DeleteStartupScript(ctx, script))
	for _, list := range []func(context.Context) error{
		func(ctx context.Context) error { _, err := c.ListLocations(ctx); return err },
		func(ctx context.Context) error { _, err := c.ListImages(ctx); return err },
		func(ctx context.Context) error { _, err := c.ListInstanceTypes(ctx); return err },
		func(ctx context.Context) error { _, err := c.ListAvailability(ctx, true); return err },
		func(ctx context.Context) error {
			_, err := c.IsAvailable(ctx, "CPU.4V.16G", "FIN-01", false)
			return err
		},
		func(ctx context.Context) error { _, err := c.ListVolumeTypes(ctx); return err },
		func(ctx context.Context) error { _, err := c.GetBalance(ctx); return err },
	} {
		must(list(ctx))
	}
	s.Verda.ExpireTokens() // the next call refreshes its token
	_, err = c.ListLocations(ctx)
	must(err)
	rec.CheckDocumented(t, simverda.Prefix, documented)
}
