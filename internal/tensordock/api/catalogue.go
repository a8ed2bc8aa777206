package api

import (
	"context"
	"sync"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/coalesce"
)

// catalogue is what plans check values against, fetched once per client.
type catalogue struct {
	locations coalesce.Once[[]Location]
	mu        sync.Mutex
	hostnodes map[string]*coalesce.Once[*Hostnode]
}

// KnownLocations is ListLocations fetched once for this client, for
// checking plans.
func (c *Client) KnownLocations(ctx context.Context) ([]Location, error) {
	return c.catalogue.locations.Get(ctx, c.ListLocations)
}

// KnownHostnode is GetHostnode fetched once per hostnode, like
// KnownLocations.
func (c *Client) KnownHostnode(ctx context.Context, id string) (*Hostnode, error) {
	c.catalogue.mu.Lock()
	if c.catalogue.hostnodes == nil {
		c.catalogue.hostnodes = map[string]*coalesce.Once[*Hostnode]{}
	}
	once := c.catalogue.hostnodes[id]
	if once == nil {
		once = &coalesce.Once[*Hostnode]{}
		c.catalogue.hostnodes[id] = once
	}
	c.catalogue.mu.Unlock()
	return once.Get(ctx, func(ctx context.Context) (*Hostnode, error) { return c.GetHostnode(ctx, id) })
}
