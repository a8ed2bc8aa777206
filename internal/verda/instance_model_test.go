package verda

import (
	"context"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func reportedInstance() *api.Instance {
	return &api.Instance{
		ID: "i-1", InstanceType: "1H100.80S.22V", Hostname: "box", Description: "", Location: "FIN-01",
		Image: "342377e1-9f51-4c30-8797-1e12f6ae1d22", Status: api.StatusRunning, IP: "203.0.113.7", PricePerHour: 3.17,
		SSHKeyIDs: []string{"k2", "k1"}, OSVolumeID: "os-1", VolumeIDs: []string{"os-1", "data-1"}, Contract: "PAY_AS_YOU_GO",
		CPU: api.Hardware{NumberOfCores: 22}, GPU: api.Hardware{NumberOfGPUs: 1}, Memory: api.Hardware{SizeInGigabytes: 187},
	}
}

func plannedInstance() instanceModel {
	return instanceModel{
		Image: types.StringValue("ubuntu-24.04"), SSHKeyIDs: stringSetValue([]string{"k1", "k2"}),
		StartupScriptID: types.StringValue("script-1"), PowerState: types.StringValue(powerRunning),
		VolumesOnDestroy: types.StringValue(volumesKeepDetached), Contract: types.StringNull(),
	}
}

func TestInstanceFromAPI(t *testing.T) {
	got := instanceFromAPI(reportedInstance(), plannedInstance())
	// Verda reports the image by ID: the configured image type stays.
	if got.Image.ValueString() != "ubuntu-24.04" {
		t.Errorf("image %s, want the configured spelling", got.Image)
	}
	// The list of instances omits the startup script: the prior one stays.
	if got.StartupScriptID.ValueString() != "script-1" {
		t.Errorf("startup_script_id %s, want the prior value", got.StartupScriptID)
	}
	if got.VolumesOnDestroy.ValueString() != volumesKeepDetached {
		t.Errorf("volumes_on_destroy %s: arguments Verda does not report keep the configured value", got.VolumesOnDestroy)
	}
	if !got.SSHKeyIDs.Equal(stringSetValue([]string{"k1", "k2"})) || got.Contract.ValueString() != "PAY_AS_YOU_GO" {
		t.Errorf("ssh_key_ids %s, contract %s", got.SSHKeyIDs, got.Contract)
	}
	if got.IP.ValueString() != "203.0.113.7" || got.PricePerHour.ValueFloat64() != 3.17 || got.CPUCores.ValueInt64() != 22 ||
		!got.VolumeIDs.Equal(stringList([]string{"os-1", "data-1"})) {
		t.Errorf("computed values: %+v", got)
	}

	// Real drift shows: a description changed in the console, a key removed.
	drifted := reportedInstance()
	drifted.Description, drifted.SSHKeyIDs, drifted.Hostname = "changed", []string{"k1"}, "renamed"
	got = instanceFromAPI(drifted, plannedInstance())
	if got.Description.ValueString() != "changed" || !got.SSHKeyIDs.Equal(stringSetValue([]string{"k1"})) || got.Hostname.ValueString() != "renamed" {
		t.Errorf("drift must show: %s %s %s", got.Description, got.SSHKeyIDs, got.Hostname)
	}

	// An import has no prior image or destroy choice: Verda's answer and default fill them.
	imported := instanceFromAPI(reportedInstance(), instanceModel{})
	if imported.Image.ValueString() != "342377e1-9f51-4c30-8797-1e12f6ae1d22" || imported.VolumesOnDestroy.ValueString() != volumesTrashOS {
		t.Errorf("import: image %s, volumes_on_destroy %s", imported.Image, imported.VolumesOnDestroy)
	}
	if !imported.NewVolumeIDs.IsNull() || imported.PowerState.ValueString() != powerRunning {
		t.Errorf("import: new_volume_ids %s, power_state %s", imported.NewVolumeIDs, imported.PowerState)
	}
}

func TestInstancePowerStateFollowsSettledStatuses(t *testing.T) {
	stopped := types.StringValue(powerStopped)
	for status, want := range map[string]string{
		api.StatusRunning: powerRunning, api.StatusOffline: powerStopped,
		// A transition keeps what was there.
		"starting": powerStopped, "provisioning": powerStopped,
	} {
		if got := powerStateOf(status, stopped); got.ValueString() != want {
			t.Errorf("%s: %s, want %s", status, got, want)
		}
	}
	if got := powerStateOf("provisioning", types.StringNull()); got.ValueString() != powerRunning {
		t.Errorf("a new instance in transition is to run: %s", got)
	}
}

func TestNewVolumeIDsAndDestroyAction(t *testing.T) {
	i := &api.Instance{OSVolumeID: "os", VolumeIDs: []string{"os", "old", "new-1", "new-2"}}
	if got := newVolumeIDs(i, []string{"old"}); !reflect.DeepEqual(got, []string{"new-1", "new-2"}) {
		t.Errorf("new volumes %v", got)
	}
	for choice, want := range map[string]*[]string{
		volumesKeepDetached: {}, volumesMoveToTrash: {"os", "new-1"}, volumesDeletePermanently: {"os", "new-1"}, volumesTrashOS: nil,
	} {
		got := destroyAction("i-1", choice, "os", []string{"new-1"})
		if !reflect.DeepEqual(got.VolumeIDs, want) || got.DeletePermanently != (choice == volumesDeletePermanently) {
			t.Errorf("%s: volumes %v, permanently %v", choice, got.VolumeIDs, got.DeletePermanently)
		}
	}
}

func TestInstanceDataFromAPI(t *testing.T) {
	i := reportedInstance()
	i.IP, i.StartupScriptID, i.SSHKeyIDs = "", "", nil
	got := instanceDataFromAPI(i)
	if got.ID.ValueString() != "i-1" || got.Image.ValueString() != i.Image || got.PricePerHour.ValueFloat64() != 3.17 {
		t.Errorf("%+v", got)
	}
	if !got.IP.IsNull() || !got.StartupScriptID.IsNull() {
		t.Errorf("values Verda leaves empty are null: ip %s, startup_script_id %s", got.IP, got.StartupScriptID)
	}
	if got.SSHKeyIDs.IsNull() || len(got.SSHKeyIDs.Elements()) != 0 {
		t.Errorf("no keys is an empty list: %s", got.SSHKeyIDs)
	}
}

func TestInstanceParity(t *testing.T) {
	modeltest.ResourceParity(t, NewInstanceResource(), &instanceModel{})
	modeltest.DataSourceParity(t, NewInstanceDataSource(), &instanceDataModel{})
}

// A price that rose above max_price_per_hour after the plan stops the
// create before anything is deployed: the check reads the price afresh,
// not from the catalogue the plan used.
func TestCreateRefusesAPriceThatRoseSinceThePlan(t *testing.T) {
	server := sim.New(sim.Options{})
	srv := httptest.NewServer(server)
	defer srv.Close()
	client, err := api.New(api.Config{Endpoint: srv.URL + simverda.Prefix, ClientID: simverda.DefaultClientID, ClientSecret: simverda.DefaultClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	r := &instanceResource{}
	r.Client, r.Clients = client, &providerdata.Clients{Verda: client}
	ctx := context.Background()
	plan := instanceModel{InstanceType: types.StringValue("1H100.80S.22V"), IsSpot: types.BoolValue(false),
		Price: sharedschema.Price{MaxPricePerHour: types.Float64Value(5)}}
	if _, err := r.Client.KnownInstanceTypes(ctx); err != nil {
		t.Fatal(err)
	}
	if err := r.checkPriceNow(ctx, plan); err != nil {
		t.Fatalf("3.17 is under 5: %v", err)
	}
	server.Verda.UpdateCatalog(func(c *simverda.Catalog) {
		for i := range c.InstanceTypes {
			if c.InstanceTypes[i].InstanceType == "1H100.80S.22V" {
				c.InstanceTypes[i].PricePerHour = "6.50"
			}
		}
	})
	err = r.checkPriceNow(ctx, plan)
	if err == nil || !strings.Contains(err.Error(), "6.5 USD per hour, above max_price_per_hour (5); nothing was created") {
		t.Fatalf("a price risen since the plan must stop the create: %v", err)
	}
	plan.MaxPricePerHour = types.Float64Null()
	if err := r.checkPriceNow(ctx, plan); err != nil {
		t.Fatalf("without a ceiling any price goes: %v", err)
	}
}
