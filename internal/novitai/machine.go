package novitai

import (
	"context"
	"fmt"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// machines creates, waits for, powers and deletes novitai instances, in
// the shape every cloud's machine.go has. novitai is no machine.Cloud:
// its API states no prices and has no catalogue, so gpucloud_gpu_instance
// cannot rank or launch an offer on it.
type machines struct {
	client  *api.Client
	clients *providerdata.Clients
}

// create sends a create, adopting an instance whose answer was lost only
// with proof, and returns the service's answer too (zero when adopted).
func (m machines) create(ctx context.Context, body api.CreateRequest, what string) (string, api.Created, error) {
	var answer api.Created
	id, err := adopt.Create(ctx, adopt.Kind{Claims: m.clients.Claims, Resource: "gpucloud_novitai_instance", What: what,
		Matching: adopt.Matching(m.client.Instances, createdBy(body), instanceCandidate)},
		func(ctx context.Context) (string, error) {
			created, err := m.client.CreateInstance(ctx, body)
			if err != nil {
				return "", err
			}
			answer = *created
			return created.InstanceID, nil
		})
	return id, answer, err
}

// waitFor polls the instance's status until it reaches target, through
// list requests shared with every other instance being waited for, then
// reads the whole instance once. It returns that instance when it could be
// read, even on error.
func (m machines) waitFor(ctx context.Context, id, what, target string) (*api.Instance, error) {
	interval := func(state string) time.Duration { return pollInterval(m.clients, state) }
	return m.client.WaitInstance(ctx, id, wait.Options{
		Object: fmt.Sprintf("%s (%s)", what, id), Target: []string{target}, Failure: []string{api.StatusFailed, api.StatusTerminated},
		Floor: interval(api.StatusStarting), Interval: interval,
	})
}

func (m machines) setPower(ctx context.Context, id, what, power string) (*api.Instance, error) {
	change, target := m.client.StartInstance, api.StatusRunning
	if power == powerStopped {
		change, target = m.client.StopInstance, api.StatusStopped
	}
	if err := change(ctx, id); err != nil {
		return nil, err
	}
	return m.waitFor(ctx, id, what, target)
}

// destroy deletes the instance and waits until it is gone.
func (m machines) destroy(ctx context.Context, id, what string) error {
	floor, ceiling := m.clients.Poll(deletePollFloor, deletePollCeiling)
	return crud.DeleteAndWait(ctx, func(ctx context.Context) error { return m.client.DeleteInstance(ctx, id) },
		func(ctx context.Context) error {
			return m.client.WaitInstanceGone(ctx, id, wait.Options{Object: fmt.Sprintf("%s (%s)", what, id), Floor: floor, Ceiling: ceiling})
		})
}
