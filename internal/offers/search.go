package offers

import (
	"context"
	"slices"
	"sync"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
)

// Failure is a cloud that did not answer a search.
type Failure struct {
	Cloud string
	Err   error
}

// Search asks every configured cloud among asked (all when empty) for its
// offers at once. all is nil, and failures empty, when no cloud was asked.
func Search(ctx context.Context, clients *providerdata.Clients, asked []string) (all []Offer, failures []Failure) {
	sources := sources(clients, asked)
	type answer struct {
		offers []Offer
		err    error
	}
	answers := make([]answer, len(sources))
	var wg sync.WaitGroup
	for i, src := range sources {
		wg.Add(1)
		go func() {
			defer wg.Done()
			offers, err := src.fetch(ctx)
			answers[i] = answer{offers, err}
		}()
	}
	wg.Wait()
	for i, a := range answers {
		if a.err != nil {
			failures = append(failures, Failure{sources[i].name, a.err})
			continue
		}
		all = append(all, a.offers...)
	}
	if all == nil && len(sources) > 0 {
		all = []Offer{}
	}
	return all, failures
}

type source struct {
	name  string
	fetch func(context.Context) ([]Offer, error)
}

// sources are the configured clouds, narrowed to those asked for.
func sources(c *providerdata.Clients, asked []string) []source {
	var out []source
	if c == nil {
		return nil
	}
	want := func(name string) bool { return len(asked) == 0 || slices.Contains(asked, name) }
	if c.Verda != nil && want(CloudVerda) {
		out = append(out, source{"Verda", func(ctx context.Context) ([]Offer, error) {
			types, err := c.Verda.ListInstanceTypes(ctx)
			if err != nil {
				return nil, err
			}
			locations, err := c.Verda.ListLocations(ctx)
			if err != nil {
				return nil, err
			}
			onDemand, err := c.Verda.ListAvailability(ctx, false)
			if err != nil {
				return nil, err
			}
			spot, err := c.Verda.ListAvailability(ctx, true)
			if err != nil {
				return nil, err
			}
			return FromVerda(types, locations, onDemand, spot), nil
		}})
	}
	if c.TensorDock != nil && want(CloudTensorDock) {
		out = append(out, source{"TensorDock", func(ctx context.Context) ([]Offer, error) {
			nodes, err := c.TensorDock.ListHostnodes(ctx)
			return FromTensorDock(nodes), err
		}})
	}
	if c.BlueLobster != nil && want(CloudBlueLobster) {
		out = append(out, source{"Blue Lobster", func(ctx context.Context) ([]Offer, error) {
			types, err := c.BlueLobster.ListInstanceTypes(ctx)
			return FromBlueLobster(types), err
		}})
	}
	if c.Nova != nil && c.NovaConfigured && want(CloudNova) {
		out = append(out, source{"Nova Cloud", func(ctx context.Context) ([]Offer, error) {
			offers, err := c.Nova.Search(ctx)
			return FromNova(offers), err
		}})
	}
	return out
}
