package api

import (
	"context"
	"time"
)

// InstanceStatus is an instance's status for a wait that began at mark,
// read from a list of the managed instances that concurrent waiters share,
// at most maxAge old and asked for after mark. The list lacks connection
// details, so reads of a whole instance stay with GetInstance; an instance
// the list lacks is asked for on its own, so that a missing one is a 404.
func (c *Client) InstanceStatus(ctx context.Context, id string, mark uint64, maxAge time.Duration) (string, error) {
	i, err := c.instances.Poll(ctx, id, mark, maxAge, c.GetInstance)
	if err != nil {
		return "", err
	}
	return i.Status, nil
}

// WriteMark is a point after every write this client has finished; waits
// take it once their own change has been sent.
func (c *Client) WriteMark() uint64 { return c.http.Writes() }

// Instances lists every instance from a list shared with other readers:
// unless fresh, one at most a few seconds old; fresh, one asked for after
// every write this client made. A create compares the two to tell what it
// made from what was there before.
func (c *Client) Instances(ctx context.Context, fresh bool) ([]Instance, error) {
	return c.instances.Snapshot(ctx, fresh)
}
