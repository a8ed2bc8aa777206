package verda

import (
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

const key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rSNPx9K2mWQ7lWnQvHcMGz2T1G9r0oQy8w2Zx7Uu alice@example"

func TestSSHKeyFromAPI(t *testing.T) {
	k := &api.SSHKey{ID: "id-1", Name: "alice", Key: key}
	imported := sshKeyFromAPI(k, sshKeyModel{PublicKey: types.StringNull()})
	if imported.PublicKey.ValueString() != key || imported.Name.ValueString() != "alice" || imported.ID.ValueString() != "id-1" {
		t.Fatalf("import: %+v", imported)
	}
	if imported.Fingerprint.ValueString() != "SHA256:9EFndvM479KqYw18aWFLItjob4lSJ5v+EL7Uz3v9dOU" {
		t.Fatalf("fingerprint %s", imported.Fingerprint.ValueString())
	}
	withNewline := sshKeyFromAPI(k, sshKeyModel{PublicKey: types.StringValue(key + "\n")})
	if withNewline.PublicKey.ValueString() != key+"\n" {
		t.Fatal("a key differing only in surrounding white space must keep the configured value")
	}
	changed := sshKeyFromAPI(k, sshKeyModel{PublicKey: types.StringValue("ssh-ed25519 AAAAother")})
	if changed.PublicKey.ValueString() != key {
		t.Fatal("a different key in the cloud must show as drift")
	}
}

func TestStartupScriptFromAPI(t *testing.T) {
	got := startupScriptFromAPI(&api.StartupScript{ID: "s1", Name: "n", Script: "#!/bin/sh"})
	want := startupScriptModel{ID: types.StringValue("s1"), Name: types.StringValue("n"), Script: types.StringValue("#!/bin/sh")}
	if got != want {
		t.Fatalf("got %+v", got)
	}
}

func TestLocationsImagesVolumeTypesFromAPI(t *testing.T) {
	locs := locationsFromAPI([]api.Location{{Code: "FIN-01", Name: "Finland 1", CountryCode: "FI"}, {Code: "ICE-01", CountryCode: "IS"}}, "fi")
	if len(locs) != 1 || locs[0] != (locationModel{Code: "FIN-01", Name: "Finland 1", CountryCode: "FI"}) {
		t.Fatalf("locations %+v", locs)
	}
	if got := locationsFromAPI(nil, ""); got == nil || len(got) != 0 {
		t.Fatal("no locations must be an empty list, not null")
	}
	imgs := imagesFromAPI([]api.Image{
		{ID: "1", ImageType: "ubuntu-24.04", Category: "ubuntu"},
		{ID: "2", ImageType: "cluster", Category: "ubuntu", IsCluster: true},
		{ID: "3", ImageType: "debian-12", Category: "debian", Details: []string{"Debian"}},
	}, "")
	if len(imgs) != 2 || imgs[0].Details == nil || imgs[1].Details[0] != "Debian" {
		t.Fatalf("images %+v", imgs)
	}
	shared := true
	vts := volumeTypesFromAPI([]api.VolumeType{
		{Type: "NVMe", Price: api.VolumeTypePrice{PricePerMonthPerGB: 0.2, Currency: "usd"}, IOPS: "100k", ThroughputGbps: 4},
		{Type: "NVMe_Shared", IsSharedFS: true},
	}, &shared)
	if len(vts) != 1 || vts[0].Type != "NVMe_Shared" {
		t.Fatalf("volume types %+v", vts)
	}
	all := volumeTypesFromAPI([]api.VolumeType{{Type: "NVMe", Price: api.VolumeTypePrice{PricePerMonthPerGB: 0.2, Currency: "usd"}, IOPS: "100k", ThroughputGbps: 4}}, nil)
	if all[0] != (volumeTypeModel{Type: "NVMe", PricePerMonthPerGB: 0.2, Currency: "usd", IOPS: "100k", ThroughputGbps: 4}) {
		t.Fatalf("volume type %+v", all[0])
	}
}

func TestInstanceTypesFromAPI(t *testing.T) {
	mk := func(name, model string, gpus int64, price, spot float64) api.InstanceType {
		return api.InstanceType{InstanceType: name, Model: model, Name: model + " 80GB", GPU: api.Hardware{NumberOfGPUs: gpus}, PricePerHour: api.Number(price), SpotPrice: api.Number(spot)}
	}
	all := []api.InstanceType{
		mk("8H100", "H100", 8, 25, 10), mk("1H100", "H100", 1, 3, 1.2), mk("1A100", "A100", 1, 1.3, 0),
		mk("1L40S", "L40S", 1, 1.1, 0.4), mk("1L40S-b", "L40S", 1, 1.1, 0.4),
	}
	avail := []api.LocationAvailability{{LocationCode: "FIN-02", Availabilities: []string{"1H100", "8H100"}}, {LocationCode: "FIN-01", Availabilities: []string{"1H100"}}}
	names := func(ms []instanceTypeModel) []string {
		out := []string{}
		for _, m := range ms {
			out = append(out, m.InstanceType)
		}
		return out
	}
	price := 3.0
	cases := []struct {
		f    instanceTypeFilter
		want []string
	}{
		{instanceTypeFilter{}, []string{"1L40S", "1L40S-b", "1A100", "1H100", "8H100"}},
		{instanceTypeFilter{GPUModel: "h100 80gb"}, []string{"1H100", "8H100"}},
		{instanceTypeFilter{MinGPUCount: 2}, []string{"8H100"}},
		{instanceTypeFilter{MaxPrice: &price}, []string{"1L40S", "1L40S-b", "1A100", "1H100"}},
		{instanceTypeFilter{LocationCode: "fin-01"}, []string{"1H100"}},
		// Spot: sorted by spot price, and types without a spot price drop out.
		{instanceTypeFilter{Spot: true}, []string{"1L40S", "1L40S-b", "1H100", "8H100"}},
		{instanceTypeFilter{GPUModel: "B200"}, []string{}},
	}
	for _, tc := range cases {
		if got := names(instanceTypesFromAPI(all, avail, tc.f)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("filter %+v: got %v, want %v", tc.f, got, tc.want)
		}
	}
	h := instanceTypesFromAPI(all, avail, instanceTypeFilter{GPUModel: "H100", MinGPUCount: 8})[0]
	if !reflect.DeepEqual(h.AvailableLocations, []string{"FIN-02"}) || h.SupportedOS == nil {
		t.Fatalf("8H100 %+v", h)
	}
	one := instanceTypesFromAPI(all, avail, instanceTypeFilter{GPUModel: "H100", MinGPUCount: 1, MaxPrice: &price})[0]
	if !reflect.DeepEqual(one.AvailableLocations, []string{"FIN-01", "FIN-02"}) {
		t.Fatalf("locations must be sorted: %v", one.AvailableLocations)
	}
}
