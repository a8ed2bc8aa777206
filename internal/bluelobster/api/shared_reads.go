package api

import (
	"context"
	"time"
)

// ReadInstance is GetInstance served from a list of the account's instances
// that concurrent readers share, at most maxAge old and newer than this
// client's last write. An instance the list lacks is asked for on its own,
// so that a missing one is a 404 as with GetInstance.
func (c *Client) ReadInstance(ctx context.Context, id string, maxAge time.Duration) (*Instance, error) {
	return c.instances.Read(ctx, id, maxAge, c.GetInstance)
}

// Instances lists every instance of the account from a list shared with
// other readers: unless fresh, one at most a few seconds old; fresh, one
// asked for after every write this client made. A launch compares the two
// to tell what it made from what was there before.
func (c *Client) Instances(ctx context.Context, fresh bool) ([]Instance, error) {
	return c.instances.Snapshot(ctx, fresh)
}
