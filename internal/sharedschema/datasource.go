// Package sharedschema holds the schema pieces every cloud's resources and
// data sources share: timeouts with their defaults stated, passwords in
// HashiCorp's write-only convention, and reading a data source.
package sharedschema

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

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
