package tensordock

import (
	"fmt"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

// What each TensorDock kind's create is matched by when its answer is lost,
// and what a plan looks for names in. TensorDock reports no creation time,
// so an instance is told apart by being absent before the request and
// matching its name and resources.

func instanceCandidate(i api.Instance) adopt.Candidate {
	c := adopt.Candidate{ID: i.ID, Name: i.Name, Status: i.Status}
	if i.RateHourly > 0 {
		c.Price = fmt.Sprintf("%.4g USD", float64(i.RateHourly))
	}
	return c
}

// createdBy matches the instances a create request may have made.
func createdBy(a api.CreateAttributes) func(api.Instance) bool {
	wantModel, wantCount := a.Resources.GPU()
	return func(i api.Instance) bool {
		r := i.Resources
		model, count := r.GPU()
		return i.Name == a.Name && adopt.Reported(r.VCPUCount, a.Resources.VCPUCount) && adopt.Reported(r.RAMGB, a.Resources.RAMGB) &&
			adopt.Reported(r.StorageGB, a.Resources.StorageGB) && adopt.Reported(model, wantModel) && adopt.Reported(count, wantCount)
	}
}

func sshKeyCandidate(s api.Secret) adopt.Candidate { return adopt.Candidate{ID: s.ID, Name: s.Name} }

// createdSSHKey matches the secrets a create may have made; TensorDock never
// returns a secret's value, so only its name can tell.
func createdSSHKey(name string) func(api.Secret) bool {
	return func(s api.Secret) bool { return s.Name == name }
}
