package api

import (
	"context"
	"time"
)

// InstanceStatus is an instance's status read from a list of the managed
// instances that concurrent waiters share, at most maxAge old and newer
// than this client's last write. The list lacks connection details, so
// reads of a whole instance stay with GetInstance; an instance the list
// lacks is asked for on its own, so that a missing one is a 404.
func (c *Client) InstanceStatus(ctx context.Context, id string, maxAge time.Duration) (string, error) {
	i, found, err := c.instances.Get(ctx, id, maxAge)
	if err != nil {
		return "", err
	}
	if found {
		return i.Status, nil
	}
	one, err := c.GetInstance(ctx, id)
	if err != nil {
		return "", err
	}
	return one.Status, nil
}
