package bluelobster

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/machine"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// machines launches, waits for, powers and deletes Blue Lobster
// instances, for gpucloud_bluelobster_instance and gpucloud_gpu_instance alike.
type machines struct {
	client  *api.Client
	clients *providerdata.Clients
	// importAs is how an object a lost launch answer may have made is
	// imported, for the resource that launches through Machines.
	importAs adopt.ImportAs
	// launches are the launch answers of machines launched here, whose
	// tasks WaitLaunched follows.
	launches *sync.Map
}

// Machines is Blue Lobster's machine.Cloud, or nil when Blue Lobster is not configured.
func Machines(clients *providerdata.Clients, importAs adopt.ImportAs) machine.Cloud {
	if clients == nil || clients.BlueLobster == nil {
		return nil
	}
	return machines{client: clients.BlueLobster, clients: clients, importAs: importAs, launches: &sync.Map{}}
}

func (m machines) Name() string { return "bluelobster" }

func (m machines) waitOptions(object string) wait.Options {
	floor, ceiling := m.clients.Poll(taskPollFloor, taskPollCeiling)
	return wait.Options{Object: object, Floor: floor, Ceiling: ceiling}
}

// launch sends a launch and returns its answer too, nil for a machine
// adopted after its answer was lost.
func (m machines) launch(ctx context.Context, body api.LaunchRequest, what string) (string, *api.Launch, error) {
	var launch *api.Launch
	id, err := adopt.Create(ctx, adopt.Kind{Claims: m.clients.Claims, Resource: "gpucloud_bluelobster_instance", ImportAs: m.importAs, What: what,
		Matching: adopt.Matching(m.client.Instances, launchedBy(body), instanceCandidate)},
		func(ctx context.Context) (string, error) {
			l, err := m.client.LaunchInstance(ctx, body)
			if err != nil {
				return "", err
			}
			launch = l
			return l.VMUUID, nil
		})
	return id, launch, err
}

// waitLaunched follows the launch task; a launch adopted after its answer
// was lost has no task to follow, so the machine itself is polled until it
// leaves provisioning. A failed task that made no machine says so.
func (m machines) waitLaunched(ctx context.Context, id, what string, launch *api.Launch) error {
	var err error
	if launch != nil && launch.TaskID != "" {
		_, err = m.client.WaitTask(ctx, launch.TaskID, m.waitOptions("launching "+what))
	} else {
		opts := m.waitOptions(fmt.Sprintf("%s (%s)", what, id))
		opts.Target, opts.Failure = []string{powerRunning, powerStopped, powerUnreported}, []string{api.PowerError}
		_, err = m.client.WaitInstance(ctx, id, opts, func(i *api.Instance) wait.Observation {
			if i.PowerStatus == "" {
				return wait.Observation{State: powerUnreported}
			}
			return wait.Observation{State: i.PowerStatus, Message: "Blue Lobster reports the launch failed"}
		})
	}
	var failed *wait.FailedError
	if errors.As(err, &failed) {
		if _, getErr := m.client.GetInstance(ctx, id); transport.IsNotFound(getErr) {
			return &noMachineError{err}
		}
	}
	return err
}

// noMachineError is a failed launch that left no machine behind.
type noMachineError struct{ err error }

func (e *noMachineError) Error() string {
	return e.err.Error() + " (no machine was made, so nothing is left to pay for)"
}

func (e *noMachineError) Unwrap() error { return e.err }

func (m machines) setPower(ctx context.Context, id, what, power string) error {
	start := m.client.PowerOn
	if power == powerStopped {
		start = m.client.Shutdown
	}
	task, err := start(ctx, id)
	if err != nil {
		return err
	}
	_, err = m.client.WaitTask(ctx, task, m.waitOptions("powering "+what))
	return err
}

func (m machines) destroy(ctx context.Context, id, what string) error {
	return m.client.RemoveInstance(ctx, id, m.waitOptions("deleting "+what))
}

// Image takes the template for the OS with NVIDIA drivers where Blue
// Lobster has one ("ubuntu-22.04" is UBUNTU-22-04-NV), else the plain one.
func (m machines) Image(ctx context.Context, os string) (string, error) {
	templates, err := m.client.KnownTemplates(ctx)
	if err != nil {
		return "", err
	}
	base := strings.ToUpper(strings.NewReplacer(".", "-", "_", "-").Replace(os))
	names := templateNames(templates)
	for _, name := range []string{base + "-NV", base} {
		if slices.Contains(names, name) {
			return name, nil
		}
	}
	return "", machine.ErrNoSuchImage
}

func (m machines) Launch(ctx context.Context, spec machine.Spec) (string, error) {
	body := api.LaunchRequest{Region: spec.Location, InstanceType: spec.InstanceType, Name: spec.Name, Username: launchUsername,
		SSHKey: strings.TrimRight(spec.SSHPublicKey, "\r\n"), TemplateName: spec.Image}
	id, launch, err := m.launch(ctx, body, apierr.Describe("Blue Lobster", "instance", spec.Name))
	if err == nil && launch != nil {
		m.launches.Store(id, launch)
	}
	return id, err
}

// launchUsername is the login user of machines launched for gpucloud_gpu_instance.
const launchUsername = "ubuntu"

func (m machines) WaitLaunched(ctx context.Context, id string) (*machine.Machine, error) {
	var launch *api.Launch
	if l, ok := m.launches.LoadAndDelete(id); ok {
		launch = l.(*api.Launch)
	}
	if err := m.waitLaunched(ctx, id, apierr.Describe("Blue Lobster", "instance", id), launch); err != nil {
		inst, _ := m.Read(ctx, id)
		return inst, err
	}
	return m.Read(ctx, id)
}

func (m machines) Read(ctx context.Context, id string) (*machine.Machine, error) {
	inst, err := m.client.ReadInstance(ctx, id)
	return blueLobsterMachine(inst), err
}

func (m machines) SetPower(ctx context.Context, id, power string) (*machine.Machine, error) {
	if err := m.setPower(ctx, id, apierr.Describe("Blue Lobster", "instance", id), power); err != nil {
		return nil, err
	}
	inst, err := m.client.GetInstance(ctx, id)
	return blueLobsterMachine(inst), err
}

// Delete deletes the machine with its disk: Blue Lobster keeps nothing of a deleted instance.
func (m machines) Delete(ctx context.Context, id string) error {
	return m.destroy(ctx, id, apierr.Describe("Blue Lobster", "instance", id))
}

func (m machines) Named(ctx context.Context, name string) ([]adopt.Candidate, error) {
	return adopt.Existing(m.client.Instances, func(i api.Instance) bool { return i.Name == name }, instanceCandidate)(ctx)
}

// Failed: Blue Lobster's error power status.
func (m machines) Failed(status string) bool { return status == api.PowerError }

// NoCapacity: Blue Lobster answers 409 no_capacity.
func (m machines) NoCapacity(err error) bool { return transport.IsCapacity(err) }

func blueLobsterMachine(i *api.Instance) *machine.Machine {
	if i == nil {
		return nil
	}
	power := ""
	switch i.PowerStatus {
	case api.PowerRunning, "":
		power = machine.Running
	case api.PowerStopped:
		power = machine.Stopped
	}
	user := i.VMUsername
	if user == "" {
		user = launchUsername
	}
	return &machine.Machine{ID: i.UUID, Name: i.Name, InstanceType: i.InstanceType, Location: i.Region, Status: i.PowerStatus, Power: power,
		GPUName: i.GPUModel, GPUCount: i.GPUCount, IP: i.IPAddress, SSHUser: user, SSHPort: 22, PricePerHour: float64(i.PriceCentsPerHour) / 100, Currency: currency}
}
