package api

import (
	"context"
	"strings"
	"time"
)

// PollInstance reads an instance for a wait that began at mark from a list
// of the organisation's instances that concurrent waiters share, at most
// maxAge old and asked for after mark. The document does not say
// which fields the list carries, so an entry without a status, or running
// without an IP, is asked for on its own, as is an instance the list lacks.
// What it returns may lack port forwards and resources; read the instance
// with GetInstance once the wait is over.
func (c *Client) PollInstance(ctx context.Context, id string, mark uint64, maxAge time.Duration) (*Instance, error) {
	i, found, err := c.instances.GetSince(ctx, id, mark, maxAge)
	if err != nil {
		return nil, err
	}
	if found && i.Status != "" && (i.IPAddress != "" || !strings.EqualFold(i.Status, StatusRunning)) {
		return &i, nil
	}
	return c.GetInstance(ctx, id)
}

// WriteMark is a point after every write this client has finished; waits
// take it once their own change has been sent.
func (c *Client) WriteMark() uint64 { return c.http.Writes() }

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
