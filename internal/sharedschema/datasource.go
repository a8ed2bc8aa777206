// Package sharedschema holds the schema pieces every cloud's resources and
// data sources share: timeouts with their defaults stated, passwords in
// HashiCorp's write-only convention, and the data source built from a
// schema and a read.
package sharedschema

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
)

// ReadDataSource reads a data source's configuration into M, lets fill add
// what the cloud says, and stores the result.
func ReadDataSource[M any](ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse, operation string, fill func(context.Context, *M) error) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := fill(ctx, &m); err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic(operation, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// DataSourceSpec says everything that differs between data sources.
type DataSourceSpec[M any] struct {
	// Name is the type name after the provider's, such as "verda_images".
	Name   string
	Schema schema.Schema
	// Validators check the configuration as a whole, such as "one of id or
	// hostname".
	Validators []datasource.ConfigValidator
	// Configure takes the provider's clients; nil for a data source that
	// needs none.
	Configure func(providerData any, diags *diag.Diagnostics)
	// Doing says what a failed read was doing: "listing Verda images".
	Doing string
	// Fill adds what the cloud says to the configured model.
	Fill func(context.Context, *M) error
}

// NewDataSource is the data source spec describes.
func NewDataSource[M any](spec DataSourceSpec[M]) datasource.DataSource {
	return &dataSource[M]{spec}
}

type dataSource[M any] struct{ spec DataSourceSpec[M] }

var _ datasource.DataSourceWithConfigValidators = (*dataSource[struct{}])(nil)

func (d *dataSource[M]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.spec.Name
}

func (d *dataSource[M]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.spec.Schema
}

func (d *dataSource[M]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return d.spec.Validators
}

func (d *dataSource[M]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if d.spec.Configure != nil {
		d.spec.Configure(req.ProviderData, &resp.Diagnostics)
	}
}

func (d *dataSource[M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	ReadDataSource(ctx, req, resp, d.spec.Doing, d.spec.Fill)
}
