package verda

import (
	"fmt"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// What each Verda kind's create is matched by when its answer is lost, and
// what a plan looks for names in. A field Verda leaves out of an answer
// matches anything; one it reports must equal what was sent.

func instanceCandidate(i api.Instance) adopt.Candidate {
	return adopt.Candidate{ID: i.ID, Name: i.Hostname, Status: i.Status, CreatedAt: adopt.ParseTime(i.CreatedAt), Price: price(float64(i.PricePerHour)), Token: creationToken(i.Tags)}
}

// deployedBy matches the instances a deploy request may have made. The image
// is left out: Verda may report an image type by its ID.
func deployedBy(req api.DeployRequest) func(api.Instance) bool {
	return func(i api.Instance) bool {
		return i.Hostname == req.Hostname && adopt.Reported(i.InstanceType, req.InstanceType) && adopt.Reported(i.Location, req.LocationCode) &&
			adopt.Reported(i.Description, req.Description) && i.IsSpot == req.IsSpot &&
			adopt.Reported(i.StartupScriptID, req.StartupScriptID) && adopt.ReportedSet(i.SSHKeyIDs, req.SSHKeyIDs)
	}
}

func volumeCandidate(v api.Volume) adopt.Candidate {
	return adopt.Candidate{ID: v.ID, Name: v.Name, Status: v.Status, CreatedAt: adopt.ParseTime(v.CreatedAt), Token: creationToken(v.Tags)}
}

// createdVolume matches the volumes a create request may have made.
func createdVolume(req api.CreateVolumeRequest) func(api.Volume) bool {
	return func(v api.Volume) bool {
		return v.Name == req.Name && !v.IsOSVolume && adopt.Reported(v.Size, req.Size) && adopt.Reported(v.Type, req.Type) &&
			adopt.Reported(v.Location, req.LocationCode)
	}
}

func sshKeyCandidate(k api.SSHKey) adopt.Candidate { return adopt.Candidate{ID: k.ID, Name: k.Name} }

// createdSSHKey matches the keys a create may have made.
func createdSSHKey(name, key string) func(api.SSHKey) bool {
	return func(k api.SSHKey) bool {
		return k.Name == name && adopt.Reported(strings.TrimSpace(k.Key), strings.TrimSpace(key))
	}
}

func startupScriptCandidate(s api.StartupScript) adopt.Candidate {
	return adopt.Candidate{ID: s.ID, Name: s.Name}
}

// createdStartupScript matches the scripts a create may have made.
func createdStartupScript(name, script string) func(api.StartupScript) bool {
	return func(s api.StartupScript) bool { return s.Name == name && adopt.Reported(s.Script, script) }
}

func price(p float64) string {
	if p == 0 {
		return ""
	}
	return fmt.Sprintf("%.4g in the project's currency", p)
}
