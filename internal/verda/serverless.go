package verda

import (
	"context"
	"reflect"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// servedSpec is what deployments and jobs change alike: containers, the
// registry credentials and the compute.
type servedSpec struct {
	Containers  []containerModel
	Credentials types.String
	Compute     *computeModel
}

// patch is the PATCH that takes a deployment or job from had to want, the
// containers named as deployed; changed is false when nothing differs.
func (want servedSpec) patch(ctx context.Context, had servedSpec) (patch api.PatchDeploymentRequest, changed bool, diags diag.Diagnostics) {
	names := make([]string, len(had.Containers))
	for i, c := range had.Containers {
		names[i] = c.Name.ValueString()
	}
	wanted, d := apiContainers(ctx, want.Containers, names)
	diags.Append(d...)
	current, d := apiContainers(ctx, had.Containers, names)
	diags.Append(d...)
	if !reflect.DeepEqual(wanted, current) {
		patch.Containers, changed = wanted, true
	}
	if !want.Credentials.Equal(had.Credentials) {
		settings := registrySettings(want.Credentials)
		patch.RegistrySettings, changed = &settings, true
	}
	if had.Compute == nil || !want.Compute.Name.Equal(had.Compute.Name) || !want.Compute.Size.Equal(had.Compute.Size) {
		patch.Compute, changed = &api.Compute{Name: want.Compute.Name.ValueString(), Size: want.Compute.Size.ValueInt64()}, true
	}
	return patch, changed, diags
}

// registrySettings are a private registry's settings when credentials are
// named, a public one's otherwise.
func registrySettings(credentials types.String) api.RegistrySettings {
	if credentials.IsNull() || credentials.ValueString() == "" {
		return api.RegistrySettings{}
	}
	return api.RegistrySettings{IsPrivate: true, Credentials: &api.CredentialsName{Name: credentials.ValueString()}}
}

// deleteServed deletes a deployment or job: Verda waits for it to go, at
// most half the time left (and a minute), then Terraform confirms it is gone.
func (h *clientHolder) deleteServed(ctx context.Context, diags *diag.Diagnostics, what string,
	del func(ctx context.Context, waitMS int64) error, get func(ctx context.Context) error) {
	serverWait := int64(60000)
	if deadline, ok := ctx.Deadline(); ok {
		serverWait = max(0, min(serverWait, time.Until(deadline).Milliseconds()/2))
	}
	floor, ceiling := h.Clients.Poll(time.Second, 10*time.Second)
	crud.Delete(ctx, diags, what, func(ctx context.Context) error { return del(ctx, serverWait) }, func(ctx context.Context) error {
		return wait.Gone(ctx, wait.Options{Object: what, Floor: floor, Ceiling: ceiling},
			func(ctx context.Context) (*struct{}, error) { return &struct{}{}, get(ctx) },
			func(*struct{}) string { return "deleting" })
	})
}
