package api

import (
	"context"
	"time"
)

// ReadInstance is GetInstance served from a list of the project's instances
// that concurrent readers share: refreshing a thousand instances costs one
// GET /instances, not a thousand requests against the project's budget.
// The list is at most maxAge old and newer than this client's last write.
// An instance the list lacks is asked for on its own, so that a missing one
// is a 404 as with GetInstance.
func (c *Client) ReadInstance(ctx context.Context, id string, maxAge time.Duration) (*Instance, error) {
	return c.instances.Read(ctx, id, maxAge, c.GetInstance)
}

// WriteMark is a point after every write this client has finished; waits
// take it once their own change has been sent.
func (c *Client) WriteMark() uint64 { return c.http.Writes() }

// PollInstance is ReadInstance for a wait that began at mark: it shares
// one list a round with every other wait, even while other instances are
// being created or changed.
func (c *Client) PollInstance(ctx context.Context, id string, mark uint64, maxAge time.Duration) (*Instance, error) {
	return c.instances.Poll(ctx, id, mark, maxAge, c.GetInstance)
}

// ReadVolume is GetVolume served like ReadInstance. The list leaves out the
// trash, whose volumes are then asked for on their own.
func (c *Client) ReadVolume(ctx context.Context, id string, maxAge time.Duration) (*Volume, error) {
	return c.volumes.Read(ctx, id, maxAge, c.GetVolume)
}

// PollVolume is ReadVolume for a wait that began at mark.
func (c *Client) PollVolume(ctx context.Context, id string, mark uint64, maxAge time.Duration) (*Volume, error) {
	return c.volumes.Poll(ctx, id, mark, maxAge, c.GetVolume)
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
