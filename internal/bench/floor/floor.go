// Package floor is the benchmark's floor provider: the gpucloud provider's
// schema, with gpucloud_verda_instance as a framework resource that keeps
// the instance's schema (its validators and plan modifiers too) and does
// nothing else. What Terraform and the framework spend planning it is the
// least a provider with that schema can cost; what ours spends beyond it is
// the provider's own.
package floor

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	gpucloud "github.com/gpucloud/terraform-provider-gpucloud/internal/provider"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda"
)

// InstanceType is the resource type the floor provider serves.
const InstanceType = "gpucloud_verda_instance"

// Serve runs the floor provider for Terraform to attach to, as the real
// provider runs with -debug.
func Serve() error {
	framework := providerserver.NewProtocol6(&floorProvider{real: gpucloud.New("floor")()})
	serve := func() tfprotov6.ProviderServer { return gpucloud.Detached(framework()) }
	return tf6server.Serve(gpucloud.Address, serve, tf6server.WithManagedDebug())
}

type floorProvider struct{ real provider.Provider }

func (p *floorProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "gpucloud"
}

func (p *floorProvider) Schema(ctx context.Context, req provider.SchemaRequest, resp *provider.SchemaResponse) {
	p.real.Schema(ctx, req, resp)
}

func (p *floorProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p *floorProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return &noop{} }}
}

func (p *floorProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

// noop has the Verda instance's schema and stores what is planned.
type noop struct{}

func (r *noop) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = InstanceType
}

func (r *noop) Schema(ctx context.Context, req resource.SchemaRequest, resp *resource.SchemaResponse) {
	for _, newResource := range verda.Resources() {
		res := newResource()
		var meta resource.MetadataResponse
		res.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "gpucloud"}, &meta)
		if meta.TypeName == InstanceType {
			res.Schema(ctx, req, resp)
			return
		}
	}
	resp.Diagnostics.AddError("No "+InstanceType, "the Verda package no longer has the resource the floor copies")
}

func (r *noop) Create(_ context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = known(req.Plan.Raw, &resp.Diagnostics)
}

func (r *noop) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (r *noop) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = known(req.Plan.Raw, &resp.Diagnostics)
}

func (r *noop) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// known is v with every value still unknown after the plan made null, as a
// provider that learned nothing from an API would save it.
func known(v tftypes.Value, diags *diag.Diagnostics) tftypes.Value {
	out, err := tftypes.Transform(v, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if !v.IsKnown() {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		return v, nil
	})
	if err != nil {
		diags.AddError("Floor state", fmt.Sprintf("making the planned values known: %v", err))
	}
	return out
}
