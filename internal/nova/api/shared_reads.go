package api

import (
	"context"
	"time"
)

// ReadVM is GetVM served from a list of the account's VMs that concurrent
// readers share, at most maxAge old and newer than this client's last write.
// A VM the list lacks is asked for on its own, so that a missing one is a
// 404 as with GetVM.
func (c *Client) ReadVM(ctx context.Context, id string, maxAge time.Duration) (*VM, error) {
	v, found, err := c.vms.Get(ctx, id, maxAge)
	if err != nil {
		return nil, err
	}
	if found {
		return &v, nil
	}
	return c.GetVM(ctx, id)
}
