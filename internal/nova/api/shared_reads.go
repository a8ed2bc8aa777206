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
	return c.vms.Read(ctx, id, maxAge, c.GetVM)
}

// WriteMark is a point after every write this client has finished; waits
// take it once their own change has been sent.
func (c *Client) WriteMark() uint64 { return c.http.Writes() }

// PollVM is ReadVM for a wait that began at mark: it shares one list a
// round with every other wait, even while other VMs are being changed.
func (c *Client) PollVM(ctx context.Context, id string, mark uint64, maxAge time.Duration) (*VM, error) {
	return c.vms.Poll(ctx, id, mark, maxAge, c.GetVM)
}

// VMs lists every VM of the account from a list shared with other readers:
// unless fresh, one at most a few seconds old; fresh, one asked for after
// every write this client made. A create compares the two to tell what it
// made from what was there before.
func (c *Client) VMs(ctx context.Context, fresh bool) ([]VM, error) {
	return c.vms.Snapshot(ctx, fresh)
}

// SSHKeys lists every SSH key like VMs.
func (c *Client) SSHKeys(ctx context.Context, fresh bool) ([]SSHKey, error) {
	return c.sshKeys.Snapshot(ctx, fresh)
}
