package crud

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
)

// Kind is embedded by every resource: its type name and its import.
type Kind struct {
	// Name is the type name after the provider's, such as "verda_ssh_key".
	Name string
	// ImportParts are the arguments an import ID stands for, as
	// planmod.Import takes them; none when the ID is the object's id alone.
	ImportParts []string
}

// Metadata names the resource gpucloud_<Name>.
func (k Kind) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + k.Name
}

// ImportState imports by the object's ID (planmod.Import).
func (k Kind) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	planmod.Import(ctx, req, resp, k.ImportParts...)
}
