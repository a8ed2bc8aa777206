package api

import (
	"context"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/coalesce"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// ReadVM is GetVM for a refresh, served from a list of the account's VMs
// that concurrent readers share, newer than this client's last write. A VM
// the list lacks is asked for on its own, so that a missing one is a 404 as
// with GetVM.
func (c *Client) ReadVM(ctx context.Context, id string) (*VM, error) {
	return c.vms.Read(ctx, id, coalesce.RefreshAge, c.GetVM)
}

// WaitVM polls a VM, which this client has just changed, until observe says
// it reached one of opts.Target, and returns the last VM seen, even when
// the wait fails. Every wait shares one list a round (opts.Floor), even
// while other VMs are being changed.
func (c *Client) WaitVM(ctx context.Context, id string, opts wait.Options, observe func(*VM) wait.Observation) (*VM, error) {
	mark := c.http.Writes()
	return wait.For(ctx, opts, func(ctx context.Context) (*VM, error) {
		return c.vms.Poll(ctx, id, mark, opts.Floor, c.GetVM)
	}, observe)
}

// WaitVMGone polls a deleted VM like WaitVM until Nova no longer knows it
// or reports it destroyed.
func (c *Client) WaitVMGone(ctx context.Context, id string, opts wait.Options) error {
	mark := c.http.Writes()
	opts.Target = append(opts.Target, StatusDestroyed)
	return wait.Gone(ctx, opts, func(ctx context.Context) (*VM, error) {
		return c.vms.Poll(ctx, id, mark, opts.Floor, c.GetVM)
	}, func(vm *VM) string { return vm.Status })
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
