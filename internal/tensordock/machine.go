package tensordock

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/machine"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// machines creates, waits for, powers and deletes TensorDock instances,
// for gpucloud_tensordock_instance and gpucloud_gpu_instance alike.
type machines struct {
	client  *api.Client
	clients *providerdata.Clients
	// importAs is how an object a lost launch answer may have made is
	// imported, for the resource that launches through Machines.
	importAs adopt.ImportAs
}

// Machines is TensorDock's machine.Cloud, or nil when TensorDock is not configured.
func Machines(clients *providerdata.Clients, importAs adopt.ImportAs) machine.Cloud {
	if clients == nil || clients.TensorDock == nil {
		return nil
	}
	return machines{client: clients.TensorDock, clients: clients, importAs: importAs}
}

func (m machines) Name() string { return "tensordock" }

// The boot disk a launch gets unless asked otherwise: what the offers' prices include.
const launchStorageGB = 200

// launchSSHPort is the external port asked for the machine's port 22;
// TensorDock may give another, read back from its port forwards.
const launchSSHPort = 22022

// create sends a create, adopting an instance whose answer was lost only with proof.
func (m machines) create(ctx context.Context, attrs api.CreateAttributes, what string) (string, error) {
	return adopt.Create(ctx, adopt.Kind{Claims: m.clients.Claims, Resource: "gpucloud_tensordock_instance", ImportAs: m.importAs, What: what,
		Matching: adopt.Matching(m.client.Instances, createdBy(attrs), instanceCandidate)},
		func(ctx context.Context) (string, error) { return m.client.CreateInstance(ctx, attrs) })
}

// waitFor polls until the machine runs with an IP, or is stopped.
func (m machines) waitFor(ctx context.Context, id, what, power string) (*api.Instance, error) {
	floor, ceiling := m.clients.Poll(pollFloor, pollCeiling)
	target := api.StatusRunning
	if power == powerStopped {
		target = api.StatusStopped
	}
	last, err := m.client.WaitInstance(ctx, id, wait.Options{
		Object: fmt.Sprintf("%s (%s)", what, id), Target: []string{target}, Failure: []string{api.StatusError},
		Floor: floor, Ceiling: ceiling,
	}, observeInstance)
	if err != nil || ctx.Err() != nil {
		return last, err
	}
	// A listed instance may lack what the resource shows (port forwards).
	return m.client.GetInstance(ctx, id)
}

func (m machines) setPower(ctx context.Context, id, what, power string) (*api.Instance, error) {
	var err error
	if power == powerStopped {
		err = m.client.StopInstance(ctx, id)
	} else {
		err = m.client.StartInstance(ctx, id)
	}
	if err != nil {
		return nil, err
	}
	return m.waitFor(ctx, id, what, power)
}

// destroy deletes the instance and waits until it is gone.
func (m machines) destroy(ctx context.Context, id, what string) error {
	floor, ceiling := m.clients.Poll(pollFloor, pollCeiling)
	return crud.DeleteAndWait(ctx, func(ctx context.Context) error { return m.client.DeleteInstance(ctx, id) },
		func(ctx context.Context) error {
			return m.client.WaitInstanceGone(ctx, id, wait.Options{Object: fmt.Sprintf("%s (%s)", what, id), Floor: floor, Ceiling: ceiling})
		})
}

// tensorDockImages are TensorDock's names for the OS images a launch
// takes; its document shows "ubuntu2404", and the others follow its pattern [inferred].
var tensorDockImages = map[string]string{"ubuntu-24.04": "ubuntu2404", "ubuntu-22.04": "ubuntu2204"}

func (m machines) Image(_ context.Context, os string) (string, error) {
	if image, ok := tensorDockImages[os]; ok {
		return image, nil
	}
	return "", machine.ErrNoSuchImage
}

func (m machines) Launch(ctx context.Context, spec machine.Spec) (string, error) {
	storage := spec.DiskGB
	if storage == 0 {
		storage = launchStorageGB
	}
	attrs := api.CreateAttributes{
		Name: spec.Name, Image: spec.Image, HostnodeID: spec.Location, SSHKey: strings.TrimSpace(spec.SSHPublicKey),
		Resources: api.Resources{VCPUCount: spec.VCPUs, RAMGB: spec.MemoryGB, StorageGB: storage,
			GPUs: map[string]api.GPUAllocation{spec.GPUModel: {Count: spec.GPUCount}}},
		PortForwards: []api.PortForward{{InternalPort: 22, ExternalPort: launchSSHPort}},
	}
	return m.create(ctx, attrs, apierr.Describe("TensorDock", "instance", spec.Name))
}

func (m machines) WaitLaunched(ctx context.Context, id string) (*machine.Machine, error) {
	inst, err := m.waitFor(ctx, id, apierr.Describe("TensorDock", "instance", id), powerRunning)
	return tensorDockMachine(inst), err
}

func (m machines) Read(ctx context.Context, id string) (*machine.Machine, error) {
	inst, err := m.client.GetInstance(ctx, id)
	return tensorDockMachine(inst), err
}

func (m machines) SetPower(ctx context.Context, id, power string) (*machine.Machine, error) {
	inst, err := m.setPower(ctx, id, apierr.Describe("TensorDock", "instance", id), power)
	return tensorDockMachine(inst), err
}

// Delete deletes the machine with its disk: TensorDock keeps nothing of a deleted instance.
func (m machines) Delete(ctx context.Context, id string) error {
	return m.destroy(ctx, id, apierr.Describe("TensorDock", "instance", id))
}

func (m machines) Named(ctx context.Context, name string) ([]adopt.Candidate, error) {
	return adopt.Existing(m.client.Instances, func(i api.Instance) bool { return i.Name == name }, instanceCandidate)(ctx)
}

// Failed: TensorDock's error status.
func (m machines) Failed(status string) bool { return strings.EqualFold(status, api.StatusError) }

// NoCapacity: TensorDock says "No available nodes found" when its stock
// was stale and no hostnode can take the machine.
func (m machines) NoCapacity(err error) bool {
	var apiErr *transport.APIError
	return errors.As(err, &apiErr) && strings.Contains(strings.ToLower(apiErr.Message), "no available nodes")
}

func tensorDockMachine(i *api.Instance) *machine.Machine {
	if i == nil {
		return nil
	}
	power := ""
	switch {
	case i.IsStopped():
		power = machine.Stopped
	case strings.EqualFold(i.Status, api.StatusRunning):
		power = machine.Running
	}
	model, count := i.Resources.GPU()
	port := int64(0)
	for _, p := range i.PortForwards {
		if p.InternalPort == 22 {
			port = p.ExternalPort
		}
	}
	return &machine.Machine{ID: i.ID, Name: i.Name, InstanceType: model, GPUName: model, GPUCount: count, Status: i.Status, Power: power, IP: i.IPAddress,
		SSHUser: "user", SSHPort: port, PricePerHour: float64(i.RateHourly), Currency: currency}
}
