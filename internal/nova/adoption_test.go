package nova

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
)

func TestCreatedVM(t *testing.T) {
	req := api.CreateVMRequest{Node: "vm02", GPUType: "4090", GPUCount: 1, StorageGB: 50, TemplateVMID: 100, AuthMethod: "ssh_key", SSHKeyID: "k"}
	match := createdVM(req)
	ours := api.VM{ID: "v1", Node: "vm02", GPUType: "4090", GPUCount: 1, StorageGB: 50, TemplateVMID: 100, RentalType: "on_demand"}
	if !match(ours) {
		t.Fatal("a VM with every reported attribute sent must match; an unsent rental type takes Nova's default")
	}
	for _, other := range []api.VM{
		{Node: "vm01", GPUType: "4090", GPUCount: 1, StorageGB: 50},
		{Node: "vm02", GPUType: "4090", GPUCount: 2, StorageGB: 50},
		{Node: "vm02", GPUType: "4090", GPUCount: 1, StorageGB: 100},
		{Node: "vm02", GPUType: "4090", GPUCount: 1, StorageGB: 50, TemplateVMID: 101},
	} {
		if match(other) {
			t.Errorf("%+v must not match", other)
		}
	}
	if createdVM(api.CreateVMRequest{Node: "vm02", RentalType: "reserved"})(ours) {
		t.Error("a reported rental type must equal the one sent")
	}
	key := createdSSHKey("me", "SHA256:abc")
	if !key(api.SSHKey{Label: "me", Fingerprint: "SHA256:abc"}) || key(api.SSHKey{Label: "me", Fingerprint: "SHA256:def"}) {
		t.Fatal("keys match by label and fingerprint")
	}
}
