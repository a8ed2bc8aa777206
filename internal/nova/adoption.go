package nova

import (
	"fmt"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
)

// What each Nova Cloud kind's create is matched by when its answer is lost,
// and what a plan looks for names in. VMs have no name: one is told apart
// by its node, shape, template and rental, and by its creation time.

func vmCandidate(v api.VM) adopt.Candidate {
	c := adopt.Candidate{ID: v.ID, Name: v.InstanceLabel, Status: v.Status, CreatedAt: adopt.ParseTime(v.CreatedAt)}
	if v.HourlyRate > 0 {
		c.Price = fmt.Sprintf("%.4g USD", float64(v.HourlyRate))
	}
	return c
}

// createdVM matches the VMs a create request may have made.
func createdVM(req api.CreateVMRequest) func(api.VM) bool {
	return func(v api.VM) bool {
		return v.Node == req.Node && adopt.Reported(v.GPUType, req.GPUType) && adopt.Reported(v.GPUCount, req.GPUCount) &&
			adopt.Reported(v.StorageGB, req.StorageGB) && adopt.Reported(v.TemplateVMID, req.TemplateVMID) &&
			(req.RentalType == "" || adopt.Reported(v.RentalType, req.RentalType))
	}
}

func sshKeyCandidate(k api.SSHKey) adopt.Candidate {
	return adopt.Candidate{ID: k.ID, Name: k.Label, CreatedAt: adopt.ParseTime(k.CreatedAt)}
}

// createdSSHKey matches the keys a create may have made.
func createdSSHKey(label, fingerprint string) func(api.SSHKey) bool {
	return func(k api.SSHKey) bool { return k.Label == label && adopt.Reported(k.Fingerprint, fingerprint) }
}
