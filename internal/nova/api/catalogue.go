package api

import (
	"context"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/coalesce"
)

// catalogue is what plans check values against, fetched once per client.
type catalogue struct {
	pricing coalesce.Once[map[string]float64]
	offers  coalesce.Once[[]Offer]
}

// KnownPricing is Pricing fetched once for this client, for checking plans.
func (c *Client) KnownPricing(ctx context.Context) (map[string]float64, error) {
	return c.catalogue.pricing.Get(ctx, c.Pricing)
}

// KnownOffers is Search fetched once, like KnownPricing.
func (c *Client) KnownOffers(ctx context.Context) ([]Offer, error) {
	return c.catalogue.offers.Get(ctx, c.Search)
}
