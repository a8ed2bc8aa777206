package api

import (
	"context"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/coalesce"
)

// catalogue is what plans check values against, fetched once per client.
type catalogue struct {
	instanceTypes coalesce.Once[[]InstanceType]
	locations     coalesce.Once[[]Location]
	images        coalesce.Once[[]Image]
	onDemand      coalesce.Once[[]LocationAvailability]
	spot          coalesce.Once[[]LocationAvailability]
	volumeTypes   coalesce.Once[[]VolumeType]
	compute       coalesce.Once[[]ComputeResource]
}

// KnownComputeResources is ListComputeResources fetched once, like KnownInstanceTypes.
func (c *Client) KnownComputeResources(ctx context.Context) ([]ComputeResource, error) {
	return c.catalogue.compute.Get(ctx, c.ListComputeResources)
}

// KnownVolumeTypes is ListVolumeTypes fetched once, like KnownInstanceTypes.
func (c *Client) KnownVolumeTypes(ctx context.Context) ([]VolumeType, error) {
	return c.catalogue.volumeTypes.Get(ctx, c.ListVolumeTypes)
}

// KnownInstanceTypes is ListInstanceTypes fetched once for this client, for
// checking plans.
func (c *Client) KnownInstanceTypes(ctx context.Context) ([]InstanceType, error) {
	return c.catalogue.instanceTypes.Get(ctx, c.ListInstanceTypes)
}

// KnownLocations is ListLocations fetched once, like KnownInstanceTypes.
func (c *Client) KnownLocations(ctx context.Context) ([]Location, error) {
	return c.catalogue.locations.Get(ctx, c.ListLocations)
}

// KnownImages is ListImages fetched once, like KnownInstanceTypes.
func (c *Client) KnownImages(ctx context.Context) ([]Image, error) {
	return c.catalogue.images.Get(ctx, c.ListImages)
}

// KnownAvailability is ListAvailability fetched once per kind (spot or on
// demand), like KnownInstanceTypes.
func (c *Client) KnownAvailability(ctx context.Context, spot bool) ([]LocationAvailability, error) {
	once := &c.catalogue.onDemand
	if spot {
		once = &c.catalogue.spot
	}
	return once.Get(ctx, func(ctx context.Context) ([]LocationAvailability, error) { return c.ListAvailability(ctx, spot) })
}
