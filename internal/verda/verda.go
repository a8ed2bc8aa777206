// Package verda is Verda's resources and data sources.
package verda

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// Resources lists Verda's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewSSHKeyResource, NewStartupScriptResource, NewInstanceResource, NewVolumeResource,
		NewSecretResource, NewFileSecretResource, NewRegistryCredentialsResource, NewContainerDeploymentResource,
		NewServerlessJobResource, NewClusterResource}
}

// DataSources lists Verda's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewLocationsDataSource, NewImagesDataSource, NewVolumeTypesDataSource, NewInstanceTypesDataSource,
		NewInstanceDataSource, NewInstancesDataSource, NewVolumesDataSource, NewSSHKeyDataSource, NewStartupScriptDataSource,
		NewBalanceDataSource, NewLongTermPeriodsDataSource, NewContainerTypesDataSource, NewServerlessComputeDataSource,
		NewClusterTypesDataSource, NewClusterImagesDataSource,
	}
}

// clientHolder is embedded by every Verda resource and data source.
type clientHolder struct {
	providerdata.Holder[api.Client]
}

func (h *clientHolder) configure(data any, diags *diag.Diagnostics) {
	h.Take(providerdata.Verda, data, diags)
}

// Configure is every resource's: it takes the cloud's client.
func (h *clientHolder) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	h.configure(req.ProviderData, &resp.Diagnostics)
}

func stringSet(ctx context.Context, s types.Set) ([]string, diag.Diagnostics) {
	if s.IsNull() || s.IsUnknown() {
		return nil, nil
	}
	var out []string
	diags := s.ElementsAs(ctx, &out, false)
	slices.Sort(out)
	return out, diags
}

func stringList(values []string) types.List {
	elems := make([]attr.Value, 0, len(values))
	for _, v := range values {
		elems = append(elems, types.StringValue(v))
	}
	return types.ListValueMust(types.StringType, elems)
}

func stringSetValue(values []string) types.Set {
	elems := make([]attr.Value, 0, len(values))
	for _, v := range values {
		elems = append(elems, types.StringValue(v))
	}
	return types.SetValueMust(types.StringType, elems)
}

func nullIfEmpty(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// volumeSize bounds every volume size. Document 002 gives no limit; a
// petabyte is past any volume Verda sells, so a larger size is a typo
// caught at plan instead of a refusal at apply.
var volumeSize = int64validator.Between(1, 1_000_000)
