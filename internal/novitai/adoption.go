package novitai

import (
	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
)

// What an instance create is matched by when its answer is lost, and what a
// plan looks for names in.

func instanceCandidate(i api.Instance) adopt.Candidate {
	return adopt.Candidate{ID: i.ID, Name: i.Name, Status: i.Status, CreatedAt: adopt.ParseTime(i.CreatedAt)}
}

// createdBy matches the instances a create request may have made.
func createdBy(req api.CreateRequest) func(api.Instance) bool {
	return func(i api.Instance) bool {
		return i.Name == req.Name && (req.GPUNum == 0 || adopt.Reported(i.GPUNum, req.GPUNum)) &&
			(req.Region == "" || adopt.Reported(i.Region, req.Region))
	}
}
