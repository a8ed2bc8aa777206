package verda

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/machine"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// machines deploys, waits for, powers and deletes Verda instances, for
// gpucloud_verda_instance and gpucloud_gpu_instance alike.
type machines struct {
	client  *api.Client
	clients *providerdata.Clients
	// importAs is how an object a lost launch answer may have made is
	// imported, for the resource that launches through Machines.
	importAs adopt.ImportAs
	// launchKeys are the SSH keys Launch added for a machine, deleted once
	// its launch is over: Verda reads a key only at deploy.
	launchKeys *machine.LaunchKeys
}

// Machines is Verda's machine.Cloud, or nil when Verda is not configured.
func Machines(clients *providerdata.Clients, importAs adopt.ImportAs) machine.Cloud {
	if clients == nil || clients.Verda == nil {
		return nil
	}
	return machines{client: clients.Verda, clients: clients, importAs: importAs, launchKeys: machine.NewLaunchKeys(clients.Verda.DeleteSSHKey)}
}

func (m machines) Name() string { return "verda" }

// deploy sends a deploy, adopting an instance whose answer was lost only with proof.
func (m machines) deploy(ctx context.Context, body api.DeployRequest, what string) (string, error) {
	var token string
	body.Tags, token = withCreationToken(body.Tags)
	return adopt.Create(ctx, adopt.Kind{Claims: m.clients.Claims, Resource: "gpucloud_verda_instance", ImportAs: m.importAs, What: what,
		Token: token, Matching: adopt.Matching(m.client.Instances, deployedBy(body), instanceCandidate)},
		func(ctx context.Context) (string, error) { return m.client.DeployInstance(ctx, body) })
}

// waitFor polls the instance until it reaches target; deploy failures end
// the wait. It returns the last instance seen, even on error.
func (m machines) waitFor(ctx context.Context, id, what, target string) (*api.Instance, error) {
	floor, ceiling := m.clients.Poll(pollFloor, pollCeiling)
	return m.client.WaitInstance(ctx, id, wait.Options{
		Object: fmt.Sprintf("%s (%s)", what, id), Target: []string{target}, Failure: api.DeployFailures,
		Floor: floor, Ceiling: ceiling,
	}, func(i *api.Instance) wait.Observation {
		return wait.Observation{State: i.Status, Message: failureMessages[i.Status]}
	})
}

func (m machines) setPower(ctx context.Context, id, what, power string) (*api.Instance, error) {
	action, target := api.ActionStart, api.StatusRunning
	if power == powerStopped {
		action, target = api.ActionShutdown, api.StatusOffline
	}
	if err := m.client.InstanceAction(ctx, api.ActionRequest{Action: action, ID: []string{id}}); err != nil {
		return nil, err
	}
	return m.waitFor(ctx, id, what, target)
}

// destroy deletes the instance as action says and waits until Verda's list no longer shows it.
func (m machines) destroy(ctx context.Context, id, what string, action api.ActionRequest) error {
	floor, ceiling := m.clients.Poll(pollFloor, pollCeiling)
	return crud.DeleteAndWait(ctx, func(ctx context.Context) error { return m.client.DeleteInstance(ctx, action) },
		func(ctx context.Context) error {
			return m.client.WaitInstanceGone(ctx, id, wait.Options{Object: fmt.Sprintf("%s (%s)", what, id), Floor: floor, Ceiling: ceiling})
		})
}

// Image prefers the image type named exactly, then the first that starts
// with it ("ubuntu-24.04-cuda-12.8-open-docker"); cluster images are not
// for single instances.
func (m machines) Image(ctx context.Context, os string) (string, error) {
	images, err := m.client.KnownImages(ctx)
	if err != nil {
		return "", err
	}
	var prefixed []string
	for _, i := range images {
		switch {
		case i.IsCluster:
		case i.ImageType == os:
			return os, nil
		case strings.HasPrefix(i.ImageType, os+"-"):
			prefixed = append(prefixed, i.ImageType)
		}
	}
	if len(prefixed) == 0 {
		return "", machine.ErrNoSuchImage
	}
	slices.Sort(prefixed)
	return prefixed[0], nil
}

func (m machines) Launch(ctx context.Context, spec machine.Spec) (string, error) {
	what := apierr.Describe("Verda", "instance", spec.Name)
	keyID, err := m.launchKey(ctx, spec)
	if err != nil {
		return "", fmt.Errorf("adding the SSH key for %s: %w", what, err)
	}
	body := api.DeployRequest{InstanceType: spec.InstanceType, Image: spec.Image, Hostname: spec.Name, LocationCode: spec.Location,
		SSHKeyIDs: []string{keyID}, IsSpot: spec.Spot}
	if spec.DiskGB > 0 {
		body.OSVolume = &api.OSVolumeSpec{Size: spec.DiskGB}
	}
	id, err := m.deploy(ctx, body, what)
	if err != nil {
		m.launchKeys.Drop(ctx, keyID)
		return "", err
	}
	m.launchKeys.Launched(id, keyID)
	return id, nil
}

// launchKey is a key of the project with spec's public key, or one added
// for this launch and deleted when it is over.
func (m machines) launchKey(ctx context.Context, spec machine.Spec) (string, error) {
	want := strings.TrimSpace(spec.SSHPublicKey)
	keys, err := m.client.SSHKeys(ctx, true)
	if err != nil {
		return "", err
	}
	for _, k := range keys {
		if strings.TrimSpace(k.Key) == want {
			return k.ID, nil
		}
	}
	name := "gpucloud-" + spec.Name
	id, err := adopt.Create(ctx, adopt.Kind{Claims: m.clients.Claims, Resource: "gpucloud_verda_ssh_key", What: apierr.Describe("Verda", "SSH key", name),
		Matching: adopt.Matching(m.client.SSHKeys, createdSSHKey(name, want), sshKeyCandidate)},
		func(ctx context.Context) (string, error) { return m.client.CreateSSHKey(ctx, name, want) })
	if err != nil {
		return "", err
	}
	m.launchKeys.Added(id)
	return id, nil
}

func (m machines) WaitLaunched(ctx context.Context, id string) (*machine.Machine, error) {
	inst, err := m.waitFor(ctx, id, apierr.Describe("Verda", "instance", id), api.StatusRunning)
	m.launchKeys.Done(ctx, id)
	return verdaMachine(inst), err
}

func (m machines) Read(ctx context.Context, id string) (*machine.Machine, error) {
	inst, err := m.client.ReadInstance(ctx, id)
	return verdaMachine(inst), err
}

func (m machines) SetPower(ctx context.Context, id, power string) (*machine.Machine, error) {
	inst, err := m.setPower(ctx, id, apierr.Describe("Verda", "instance", id), power)
	return verdaMachine(inst), err
}

// Delete keeps Verda's own default: the OS volume goes to the trash, where
// it can be restored for 96 hours and is not billed.
func (m machines) Delete(ctx context.Context, id string) error {
	return m.destroy(ctx, id, apierr.Describe("Verda", "instance", id), destroyAction(id, volumesTrashOS, "", nil))
}

func (m machines) Named(ctx context.Context, name string) ([]adopt.Candidate, error) {
	return adopt.Existing(m.client.Instances, func(i api.Instance) bool { return i.Hostname == name }, instanceCandidate)(ctx)
}

// Failed: Verda's final deploy failures and a discontinued instance.
func (m machines) Failed(status string) bool { return slices.Contains(api.DeployFailures, status) }

// NoCapacity: Verda answers a deploy it has no resources for with
// service_unavailable, or the instance ends in no_capacity.
func (m machines) NoCapacity(err error) bool {
	return transport.IsCapacity(err) || wait.EndedIn(err, api.StatusNoCapacity)
}

func verdaMachine(i *api.Instance) *machine.Machine {
	if i == nil {
		return nil
	}
	power := ""
	switch i.Status {
	case api.StatusRunning:
		power = machine.Running
	case api.StatusOffline:
		power = machine.Stopped
	}
	return &machine.Machine{ID: i.ID, Name: i.Hostname, InstanceType: i.InstanceType, Location: i.Location, Status: i.Status, Power: power,
		GPUName: i.GPU.Description, GPUCount: i.GPU.NumberOfGPUs, IP: i.IP, SSHUser: "root", SSHPort: 22, PricePerHour: float64(i.PricePerHour), DiskIDs: i.VolumeIDs}
}
