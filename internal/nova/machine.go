package nova

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/machine"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// machines creates, waits for, powers and deletes Nova Cloud VMs, for
// gpucloud_nova_instance and gpucloud_gpu_instance alike.
type machines struct {
	client  *api.Client
	clients *providerdata.Clients
	// importAs is how an object a lost launch answer may have made is
	// imported, for the resource that launches through Machines.
	importAs adopt.ImportAs
	// launchKeys are the SSH keys Launch added for a VM, deleted once its
	// launch is over: Nova holds five keys at most, and reads one only at creation.
	launchKeys *machine.LaunchKeys
}

// Machines is Nova Cloud's machine.Cloud, or nil when Nova is not configured.
func Machines(clients *providerdata.Clients, importAs adopt.ImportAs) machine.Cloud {
	client := providerdata.Nova.Client(clients)
	if clients == nil || !clients.NovaConfigured || client == nil {
		return nil
	}
	return machines{client: client, clients: clients, importAs: importAs, launchKeys: machine.NewLaunchKeys(client.DeleteSSHKey)}
}

func (m machines) Name() string { return "nova" }

// vmCreates serialises this process's creates per node.
var vmCreates adopt.Keyed

// The boot disk a launch gets unless asked otherwise.
const launchStorageGB = 100

// create sends a create, adopting a VM whose answer was lost only with
// proof. Nova takes no name at creation; this process's creates on one
// node are serialised so that none of them is a candidate for another's lost answer.
func (m machines) create(ctx context.Context, request api.CreateVMRequest, what string) (string, error) {
	defer vmCreates.Lock(request.Node)()
	return adopt.Create(ctx, adopt.Kind{Claims: m.clients.Claims, Resource: "gpucloud_nova_instance", ImportAs: m.importAs, What: what,
		Matching: adopt.Matching(m.client.VMs, createdVM(request), vmCandidate)},
		func(ctx context.Context) (string, error) {
			vm, err := m.client.CreateVM(ctx, request)
			if err != nil {
				return "", err
			}
			return vm.ID, nil
		})
}

// waitFor polls until the VM reaches the power state; an interrupted
// interruptible rental is an answer, not a failure.
func (m machines) waitFor(ctx context.Context, id, what, power string, mayBeInterrupted bool) (*api.VM, error) {
	target := []string{api.StatusRunning}
	if power == powerStopped {
		target = []string{api.StatusStopped}
	}
	failures := []string{api.StatusFailed, api.StatusDestroyed}
	if mayBeInterrupted {
		target = append(target, api.StatusInterrupted)
	} else {
		failures = append(failures, api.StatusInterrupted)
	}
	floor, ceiling := m.clients.Poll(pollFloor, pollCeiling)
	return m.client.WaitVM(ctx, id, wait.Options{Object: fmt.Sprintf("%s (%s)", what, id), Target: target, Failure: failures, Floor: floor, Ceiling: ceiling},
		func(vm *api.VM) wait.Observation { return wait.Observation{State: vm.Status} })
}

func (m machines) setPower(ctx context.Context, id, what, power string) (*api.VM, error) {
	change := m.client.StartVM
	if power == powerStopped {
		change = m.client.StopVM
	}
	if err := change(ctx, id); err != nil {
		return nil, err
	}
	return m.waitFor(ctx, id, what, power, false)
}

// destroy deletes the VM and waits until it is gone.
func (m machines) destroy(ctx context.Context, id, what string) error {
	floor, ceiling := m.clients.Poll(pollFloor, pollCeiling)
	return crud.DeleteAndWait(ctx, func(ctx context.Context) error { return m.client.DeleteVM(ctx, id) },
		func(ctx context.Context) error {
			return m.client.WaitVMGone(ctx, id, wait.Options{Object: fmt.Sprintf("%s (%s)", what, id), Floor: floor, Ceiling: ceiling})
		})
}

func (m machines) Image(_ context.Context, os string) (string, error) {
	if vmid, ok := templateVMID(os); ok {
		return strconv.FormatInt(vmid, 10), nil
	}
	return "", machine.ErrNoSuchImage
}

func (m machines) Launch(ctx context.Context, spec machine.Spec) (string, error) {
	template, err := strconv.ParseInt(spec.Image, 10, 64)
	if err != nil {
		return "", fmt.Errorf("Nova Cloud takes a template ID as image, not %q", spec.Image)
	}
	storage := spec.DiskGB
	if storage == 0 {
		storage = launchStorageGB
	}
	keyID, err := m.launchKey(ctx, spec)
	if err != nil {
		return "", fmt.Errorf("adding the SSH key for a Nova Cloud VM: %w", err)
	}
	request := api.CreateVMRequest{Node: spec.Location, GPUType: spec.GPUModel, GPUCount: spec.GPUCount, StorageGB: storage,
		TemplateVMID: template, RentalType: "on_demand", AuthMethod: "ssh_key", SSHKeyID: keyID}
	if spec.Spot {
		request.RentalType = interruptible
	}
	id, err := m.create(ctx, request, apierr.Describe("Nova Cloud", "VM", fmt.Sprintf("%dx %s on %s", spec.GPUCount, spec.GPUModel, spec.Location)))
	if err != nil {
		m.launchKeys.Drop(ctx, keyID)
		return "", err
	}
	m.launchKeys.Launched(id, keyID)
	return id, nil
}

// launchKey is an account key with spec's public key, or one added for
// this launch and deleted when it is over.
func (m machines) launchKey(ctx context.Context, spec machine.Spec) (string, error) {
	key := strings.TrimSpace(spec.SSHPublicKey)
	fingerprint := validate.SSHFingerprint(key)
	keys, err := m.client.SSHKeys(ctx, true)
	if err != nil {
		return "", err
	}
	for _, k := range keys {
		if fingerprint != "" && k.Fingerprint == fingerprint {
			return k.ID, nil
		}
	}
	label := "gpucloud-" + spec.Name
	id, err := adopt.Create(ctx, adopt.Kind{Claims: m.clients.Claims, Resource: "gpucloud_nova_ssh_key", What: apierr.Describe("Nova Cloud", "SSH key", label),
		Matching: adopt.Matching(m.client.SSHKeys, createdSSHKey(label, fingerprint), sshKeyCandidate)},
		func(ctx context.Context) (string, error) {
			k, err := m.client.CreateSSHKey(ctx, key, label)
			if err != nil {
				return "", err
			}
			return k.ID, nil
		})
	if err != nil {
		return "", err
	}
	m.launchKeys.Added(id)
	return id, nil
}

func (m machines) WaitLaunched(ctx context.Context, id string) (*machine.Machine, error) {
	vm, err := m.waitFor(ctx, id, apierr.Describe("Nova Cloud", "VM", id), powerRunning, false)
	m.launchKeys.Done(ctx, id)
	return novaMachine(vm), err
}

func (m machines) Read(ctx context.Context, id string) (*machine.Machine, error) {
	vm, err := m.client.ReadVM(ctx, id)
	return novaMachine(vm), err
}

func (m machines) SetPower(ctx context.Context, id, power string) (*machine.Machine, error) {
	vm, err := m.setPower(ctx, id, apierr.Describe("Nova Cloud", "VM", id), power)
	return novaMachine(vm), err
}

// Delete deletes the VM with its disk: Nova keeps nothing of a deleted VM.
func (m machines) Delete(ctx context.Context, id string) error {
	return m.destroy(ctx, id, apierr.Describe("Nova Cloud", "VM", id))
}

// Named finds nothing: Nova takes no names.
func (m machines) Named(context.Context, string) ([]adopt.Candidate, error) { return nil, nil }

// Failed: a VM Nova reports failed.
func (m machines) Failed(status string) bool { return status == api.StatusFailed }

// NoCapacity: Nova's document names no capacity error. A refusal whose
// detail says the node has too few GPUs free counts [inferred].
func (m machines) NoCapacity(err error) bool {
	var apiErr *transport.APIError
	if !errors.As(err, &apiErr) || apiErr.Status < 400 || apiErr.Status >= 500 {
		return false
	}
	msg := strings.ToLower(apiErr.Message)
	if !strings.Contains(msg, "gpu") {
		return false
	}
	for _, says := range []string{"not enough", "insufficient", "no available", "unavailable", "sold out"} {
		if strings.Contains(msg, says) {
			return true
		}
	}
	return false
}

func novaMachine(vm *api.VM) *machine.Machine {
	if vm == nil {
		return nil
	}
	power := ""
	switch vm.Status {
	case api.StatusRunning:
		power = machine.Running
	case api.StatusStopped:
		power = machine.Stopped
	}
	// Nova takes no name (the instance label is its own), and a VM names its
	// node, not the location Nova's offers give.
	return &machine.Machine{ID: vm.ID, InstanceType: vm.GPUType, Status: vm.Status, Power: power, Gone: vm.Status == api.StatusDestroyed,
		GPUName: vm.GPUType, GPUCount: vm.GPUCount, IP: vm.IPAddress, SSHUser: "root", SSHPort: 22, PricePerHour: float64(vm.HourlyRate), Currency: "USD"}
}
