package api

import (
	"context"
	"strings"
	"time"
)

// PollInstance reads an instance for a wait from a list of the
// organisation's instances that concurrent waiters share, at most maxAge
// old and newer than this client's last write. The document does not say
// which fields the list carries, so an entry without a status, or running
// without an IP, is asked for on its own, as is an instance the list lacks.
// What it returns may lack port forwards and resources; read the instance
// with GetInstance once the wait is over.
func (c *Client) PollInstance(ctx context.Context, id string, maxAge time.Duration) (*Instance, error) {
	i, found, err := c.instances.Get(ctx, id, maxAge)
	if err != nil {
		return nil, err
	}
	if found && i.Status != "" && (i.IPAddress != "" || !strings.EqualFold(i.Status, StatusRunning)) {
		return &i, nil
	}
	return c.GetInstance(ctx, id)
}
