package api

import (
	"context"
	"fmt"
	"net/http"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/coalesce"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// ReadInstance is GetInstance for a refresh, served from a list of the
// project's instances that concurrent readers share: refreshing a thousand
// instances costs one GET /instances, not a thousand requests against the
// project's budget. The list is newer than this client's last write. An
// instance the list lacks is asked for on its own, so that a missing one is
// a 404 as with GetInstance.
func (c *Client) ReadInstance(ctx context.Context, id string) (*Instance, error) {
	return c.instances.Read(ctx, id, coalesce.RefreshAge, c.GetInstance)
}

// WaitInstance polls an instance, which this client has just changed, until
// observe says it reached one of opts.Target, and returns the last instance
// seen, even when the wait fails. Every wait shares one list a round
// (opts.Floor), even while other instances are being created or changed.
func (c *Client) WaitInstance(ctx context.Context, id string, opts wait.Options, observe func(*Instance) wait.Observation) (*Instance, error) {
	mark := c.http.Writes()
	return wait.For(ctx, opts, func(ctx context.Context) (*Instance, error) {
		return c.instances.Poll(ctx, id, mark, opts.Floor, c.GetInstance)
	}, observe)
}

// WaitInstanceGone polls a deleted instance until Verda no longer knows it.
// Absence is read from the shared list, asked for after the delete, so that
// the deletes of a whole destroy are confirmed by one list a round; an
// instance is asked for on its own only when the list cannot be had.
func (c *Client) WaitInstanceGone(ctx context.Context, id string, opts wait.Options) error {
	mark := c.http.Writes()
	return wait.Gone(ctx, opts, func(ctx context.Context) (*Instance, error) {
		i, found, err := c.instances.GetSince(ctx, id, mark, opts.Floor)
		switch {
		case err != nil:
			return c.GetInstance(ctx, id)
		case !found:
			return nil, &transport.APIError{Cloud: "Verda", Method: http.MethodGet, Path: "/instances", Status: http.StatusNotFound,
				Message: fmt.Sprintf("instance %s is not in the list", id)}
		}
		return &i, nil
	}, func(i *Instance) string { return i.Status })
}

// ReadVolume is GetVolume served like ReadInstance. The list leaves out the
// trash, whose volumes are then asked for on their own.
func (c *Client) ReadVolume(ctx context.Context, id string) (*Volume, error) {
	return c.volumes.Read(ctx, id, coalesce.RefreshAge, c.GetVolume)
}

// WaitVolume polls a volume like WaitInstance.
func (c *Client) WaitVolume(ctx context.Context, id string, opts wait.Options, observe func(*Volume) wait.Observation) (*Volume, error) {
	mark := c.http.Writes()
	return wait.For(ctx, opts, func(ctx context.Context) (*Volume, error) {
		return c.volumes.Poll(ctx, id, mark, opts.Floor, c.GetVolume)
	}, observe)
}

// Instances lists every instance of the project from a list shared with
// other readers: unless fresh, one at most a few seconds old; fresh, one
// asked for after every write this client made. A create compares the two
// to tell what it made from what was there before.
func (c *Client) Instances(ctx context.Context, fresh bool) ([]Instance, error) {
	return c.instances.Snapshot(ctx, fresh)
}

// Volumes lists the volumes outside the trash like Instances.
func (c *Client) Volumes(ctx context.Context, fresh bool) ([]Volume, error) {
	return c.volumes.Snapshot(ctx, fresh)
}

// SSHKeys lists every SSH key like Instances.
func (c *Client) SSHKeys(ctx context.Context, fresh bool) ([]SSHKey, error) {
	return c.sshKeys.Snapshot(ctx, fresh)
}

// StartupScripts lists every startup script like Instances.
func (c *Client) StartupScripts(ctx context.Context, fresh bool) ([]StartupScript, error) {
	return c.scripts.Snapshot(ctx, fresh)
}
