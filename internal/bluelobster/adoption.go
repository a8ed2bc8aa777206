package bluelobster

import (
	"fmt"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
)

// What each Blue Lobster kind's create is matched by when its answer is
// lost, and what a plan looks for names in.

func instanceCandidate(i api.Instance) adopt.Candidate {
	c := adopt.Candidate{ID: i.UUID, Name: i.Name, Status: i.PowerStatus, CreatedAt: adopt.ParseTime(i.CreatedAt)}
	if i.PriceCentsPerHour > 0 {
		c.Price = fmt.Sprintf("%.4g USD", float64(i.PriceCentsPerHour)/100)
	}
	return c
}

// launchedBy matches the instances a launch request may have made. The
// template is left out: Blue Lobster may report another name for it.
func launchedBy(req api.LaunchRequest) func(api.Instance) bool {
	return func(i api.Instance) bool {
		return i.Name == req.Name && adopt.Reported(i.Region, req.Region) && adopt.Reported(i.InstanceType, req.InstanceType)
	}
}

func extraIPCandidate(ip api.IP) adopt.Candidate { return adopt.Candidate{ID: ip.IPAddress} }

// addedIP matches the addresses an add may have made: any that is not the
// instance's primary address.
func addedIP(ip api.IP) bool { return !ip.IsPrimary }
