package api

import (
	"context"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/coalesce"
)

// catalogue is what plans check values against, fetched once per client.
type catalogue struct {
	instanceTypes coalesce.Once[[]InstanceType]
	templates     coalesce.Once[[]Template]
}

// KnownInstanceTypes is ListInstanceTypes fetched once for this client, for
// checking plans.
func (c *Client) KnownInstanceTypes(ctx context.Context) ([]InstanceType, error) {
	return c.catalogue.instanceTypes.Get(ctx, c.ListInstanceTypes)
}

// KnownTemplates is ListTemplates fetched once, like KnownInstanceTypes.
func (c *Client) KnownTemplates(ctx context.Context) ([]Template, error) {
	return c.catalogue.templates.Get(ctx, c.ListTemplates)
}
