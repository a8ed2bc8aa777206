package verda

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestDeployedBy(t *testing.T) {
	req := api.DeployRequest{InstanceType: "1H100.80S.22V", Image: "ubuntu-24.04", Hostname: "web", Description: "d",
		LocationCode: "FIN-01", SSHKeyIDs: []string{"k2", "k1"}, StartupScriptID: "s1"}
	ours := api.Instance{ID: "i1", Hostname: "web", InstanceType: "1H100.80S.22V", Location: "FIN-01", Description: "d",
		SSHKeyIDs: []string{"k1", "k2"}, StartupScriptID: "s1", Image: "0f4e-image-id"}
	match := deployedBy(req)
	if !match(ours) {
		t.Fatal("an instance with every attribute sent (and the image reported by ID) must match")
	}
	if !match(api.Instance{ID: "i2", Hostname: "web"}) {
		t.Fatal("fields Verda leaves out match anything")
	}
	for name, other := range map[string]func(*api.Instance){
		"hostname":    func(i *api.Instance) { i.Hostname = "web2" },
		"type":        func(i *api.Instance) { i.InstanceType = "CPU.4V.16G" },
		"location":    func(i *api.Instance) { i.Location = "ICE-01" },
		"description": func(i *api.Instance) { i.Description = "theirs" },
		"spot":        func(i *api.Instance) { i.IsSpot = true },
		"script":      func(i *api.Instance) { i.StartupScriptID = "s2" },
		"keys":        func(i *api.Instance) { i.SSHKeyIDs = []string{"k1"} },
	} {
		i := ours
		other(&i)
		if match(i) {
			t.Errorf("an instance with another %s must not match", name)
		}
	}
	c := instanceCandidate(api.Instance{ID: "i1", Hostname: "web", Status: "running", CreatedAt: "2026-12-01T10:00:00Z", PricePerHour: 1.5})
	if c.ID != "i1" || c.Name != "web" || c.CreatedAt.IsZero() || c.Price != "1.5 in the project's currency" {
		t.Fatalf("candidate %+v", c)
	}
}

func TestCreatedVolumeKeyAndScript(t *testing.T) {
	vol := createdVolume(api.CreateVolumeRequest{Type: "NVMe", LocationCode: "FIN-01", Size: 20, Name: "data"})
	if !vol(api.Volume{Name: "data", Type: "NVMe", Location: "FIN-01", Size: 20}) || vol(api.Volume{Name: "data", Size: 30}) ||
		vol(api.Volume{Name: "data", IsOSVolume: true}) || vol(api.Volume{Name: "other"}) {
		t.Fatal("volumes match by name, size, type and location, never an OS volume")
	}
	key := createdSSHKey("me", "ssh-ed25519 AAAA me\n")
	if !key(api.SSHKey{Name: "me", Key: "ssh-ed25519 AAAA me"}) || key(api.SSHKey{Name: "me", Key: "ssh-ed25519 BBBB me"}) {
		t.Fatal("keys match by name and key, ignoring surrounding white space")
	}
	script := createdStartupScript("s", "#!/bin/sh")
	if !script(api.StartupScript{Name: "s", Script: "#!/bin/sh"}) || script(api.StartupScript{Name: "s", Script: "#!/bin/bash"}) {
		t.Fatal("scripts match by name and content")
	}
}
