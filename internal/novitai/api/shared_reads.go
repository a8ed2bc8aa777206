package api

import (
	"context"
	"errors"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// WaitInstance polls an instance's status, which this client has just
// changed, until it reaches one of opts.Target, through a list of the
// managed instances that concurrent waiters share (one a round, opts.Floor).
// The list lacks connection details, so the whole instance is read once the
// wait is over, and returned when it could be read, even when the wait
// failed. An instance the list lacks is asked for on its own, so that a
// missing one is a 404.
func (c *Client) WaitInstance(ctx context.Context, id string, opts wait.Options) (*Instance, error) {
	mark := c.http.Writes()
	_, err := wait.For(ctx, opts, func(ctx context.Context) (*Instance, error) {
		return c.instances.Poll(ctx, id, mark, opts.Floor, c.GetInstance)
	}, status)
	if ctx.Err() != nil {
		return nil, err
	}
	inst, getErr := c.GetInstance(ctx, id)
	if getErr != nil {
		return nil, errors.Join(err, getErr)
	}
	return inst, err
}

// WaitInstanceGone polls a deleted instance like WaitInstance until novitai
// no longer knows it or reports it terminated.
func (c *Client) WaitInstanceGone(ctx context.Context, id string, opts wait.Options) error {
	mark := c.http.Writes()
	opts.Target = append(opts.Target, StatusTerminated)
	return wait.Gone(ctx, opts, func(ctx context.Context) (*Instance, error) {
		return c.instances.Poll(ctx, id, mark, opts.Floor, c.GetInstance)
	}, func(i *Instance) string { return i.Status })
}

func status(i *Instance) wait.Observation { return wait.Observation{State: i.Status} }

// Instances lists every instance from a list shared with other readers:
// unless fresh, one at most a few seconds old; fresh, one asked for after
// every write this client made. A create compares the two to tell what it
// made from what was there before.
func (c *Client) Instances(ctx context.Context, fresh bool) ([]Instance, error) {
	return c.instances.Snapshot(ctx, fresh)
}
