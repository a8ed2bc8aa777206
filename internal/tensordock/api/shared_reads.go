package api

import (
	"context"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// WaitInstance polls an instance, which this client has just changed, until
// observe says it reached one of opts.Target, and returns the last instance
// seen, even when the wait fails. Every wait shares one list of the
// organisation's instances a round (opts.Floor). The document does not say
// which fields the list carries, so an entry without a status, or running
// without an IP, is asked for on its own, as is an instance the list lacks.
// What it returns may lack port forwards and resources; read the instance
// with GetInstance once the wait is over.
func (c *Client) WaitInstance(ctx context.Context, id string, opts wait.Options, observe func(*Instance) wait.Observation) (*Instance, error) {
	mark := c.http.Writes()
	return wait.For(ctx, opts, func(ctx context.Context) (*Instance, error) {
		return c.pollInstance(ctx, id, mark, opts)
	}, observe)
}

// WaitInstanceGone polls a deleted instance like WaitInstance until
// TensorDock no longer knows it.
func (c *Client) WaitInstanceGone(ctx context.Context, id string, opts wait.Options) error {
	mark := c.http.Writes()
	return wait.Gone(ctx, opts, func(ctx context.Context) (*Instance, error) {
		return c.pollInstance(ctx, id, mark, opts)
	}, func(i *Instance) string { return i.Status })
}

func (c *Client) pollInstance(ctx context.Context, id string, mark uint64, opts wait.Options) (*Instance, error) {
	i, found, err := c.instances.GetSince(ctx, id, mark, opts.Floor)
	if err != nil {
		return nil, err
	}
	if found && i.Status != "" && (i.IPAddress != "" || !strings.EqualFold(i.Status, StatusRunning)) {
		return &i, nil
	}
	return c.GetInstance(ctx, id)
}

// Instances lists every instance of the organisation from a list shared
// with other readers: unless fresh, one at most a few seconds old; fresh,
// one asked for after every write this client made. A create compares the
// two to tell what it made from what was there before.
func (c *Client) Instances(ctx context.Context, fresh bool) ([]Instance, error) {
	return c.instances.Snapshot(ctx, fresh)
}

// SSHKeys lists the SSH key secrets like Instances.
func (c *Client) SSHKeys(ctx context.Context, fresh bool) ([]Secret, error) {
	return c.sshKeys.Snapshot(ctx, fresh)
}
