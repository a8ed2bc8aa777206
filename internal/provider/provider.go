// Package provider is the gpucloud provider: its schema, its configuration
// of every cloud's client, the list of resources and data sources, and its
// server.
package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/offers"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/placement"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda"
)

// New returns a constructor for the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &gpucloudProvider{version: version} }
}

type gpucloudProvider struct {
	version string
}

func (p *gpucloudProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "gpucloud"
	resp.Version = p.version
}

func (p *gpucloudProvider) Resources(context.Context) []func() resource.Resource {
	return slices.Concat(verda.Resources(), tensordock.Resources(), bluelobster.Resources(), nova.Resources(), novitai.Resources(),
		[]func() resource.Resource{placement.NewGPUInstanceResource})
}

func (p *gpucloudProvider) DataSources(context.Context) []func() datasource.DataSource {
	return slices.Concat(verda.DataSources(), tensordock.DataSources(), bluelobster.DataSources(), nova.DataSources(), novitai.DataSources(),
		[]func() datasource.DataSource{offers.NewDataSource})
}
