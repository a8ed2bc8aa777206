package api

import (
	"context"
	"time"
)

// ReadInstance is GetInstance served from a list of the project's instances
// that concurrent readers share: refreshing or waiting for a thousand
// instances costs one GET /instances a round, not a thousand requests
// against the project's budget. The list is at most maxAge old and newer
// than this client's last write. An instance the list lacks is asked for on
// its own, so that a missing one is a 404 as with GetInstance.
func (c *Client) ReadInstance(ctx context.Context, id string, maxAge time.Duration) (*Instance, error) {
	i, found, err := c.instances.Get(ctx, id, maxAge)
	if err != nil {
		return nil, err
	}
	if found {
		return &i, nil
	}
	return c.GetInstance(ctx, id)
}

// ReadVolume is GetVolume served like ReadInstance. The list leaves out the
// trash, whose volumes are then asked for on their own.
func (c *Client) ReadVolume(ctx context.Context, id string, maxAge time.Duration) (*Volume, error) {
	v, found, err := c.volumes.Get(ctx, id, maxAge)
	if err != nil {
		return nil, err
	}
	if found {
		return &v, nil
	}
	return c.GetVolume(ctx, id)
}
