package api

import (
	"context"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/coalesce"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// ReadInstance is GetInstance for a refresh, served from a list of the
// account's instances that concurrent readers share, newer than this
// client's last write. An instance the list lacks is asked for on its own,
// so that a missing one is a 404 as with GetInstance.
func (c *Client) ReadInstance(ctx context.Context, id string) (*Instance, error) {
	return c.instances.Read(ctx, id, coalesce.RefreshAge, c.GetInstance)
}

// WaitInstance polls an instance until observe says it reached one of
// opts.Target and returns the last instance seen, even when the wait fails.
// Blue Lobster's changes run as tasks, followed with WaitTask; this is for a
// launch adopted after its answer was lost, which has no task to follow.
func (c *Client) WaitInstance(ctx context.Context, id string, opts wait.Options, observe func(*Instance) wait.Observation) (*Instance, error) {
	return wait.For(ctx, opts, func(ctx context.Context) (*Instance, error) { return c.GetInstance(ctx, id) }, observe)
}

// RemoveInstance deletes an instance and follows the deletion's task. Blue
// Lobster answers 404 to a delete for a while after some launches although
// the machine exists; the delete is asked again until the machine is gone or
// the delete is taken.
func (c *Client) RemoveInstance(ctx context.Context, id string, opts wait.Options) error {
	const deleting, gone = "deleting", "gone"
	var task string
	_, err := wait.Until(ctx, wait.Options{Object: opts.Object, Target: []string{deleting, gone}, Floor: opts.Floor, Ceiling: opts.Ceiling},
		func(ctx context.Context) (wait.Observation, error) {
			t, err := c.DeleteInstance(ctx, id)
			if err == nil {
				task = t
				return wait.Observation{State: deleting}, nil
			}
			if !transport.IsNotFound(err) {
				return wait.Observation{}, err
			}
			if _, getErr := c.GetInstance(ctx, id); transport.IsNotFound(getErr) {
				return wait.Observation{State: gone}, nil
			}
			return wait.Observation{State: "delete refused with 404 while the machine still exists"}, nil
		})
	if err != nil || task == "" {
		return err
	}
	_, err = c.WaitTask(ctx, task, opts)
	return err
}

// Instances lists every instance of the account from a list shared with
// other readers: unless fresh, one at most a few seconds old; fresh, one
// asked for after every write this client made. A launch compares the two
// to tell what it made from what was there before.
func (c *Client) Instances(ctx context.Context, fresh bool) ([]Instance, error) {
	return c.instances.Snapshot(ctx, fresh)
}
