package tensordock

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
)

var _ resource.ResourceWithModifyPlan = (*sshKeyResource)(nil)

// NewSSHKeyResource is gpucloud_tensordock_ssh_key.
func NewSSHKeyResource() resource.Resource {
	return &sshKeyResource{Kind: crud.Kind{Name: "tensordock_ssh_key"}}
}

type sshKeyResource struct {
	clientHolder
	crud.Kind
}

func (r *sshKeyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An SSH public key stored as a TensorDock secret of type `SSHKEY`, for " +
			"`gpucloud_tensordock_instance.ssh_key_id`. TensorDock cannot edit a secret, so changing either argument replaces it. " +
			"TensorDock never returns a secret's value: drift in the key itself cannot be seen, only its deletion.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "The secret's ID."},
			"name": schema.StringAttribute{
				Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
				MarkdownDescription: "The secret's name, 1 to 255 characters.",
			},
			"public_key": schema.StringAttribute{
				Required: true, PlanModifiers: []planmodifier.String{planmod.ReplaceOrAdoptString()},
				Validators:          []validator.String{validate.SSHPublicKey()},
				MarkdownDescription: "One public key in `authorized_keys` format. After an import it is taken from the configuration.",
			},
			"fingerprint": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "SHA256 fingerprint of the key."},
		},
	}
	planmod.NoteReplacements(ctx, &resp.Schema, "key")
}

// ModifyPlan plans the fingerprint of the planned key, which an import
// cannot read back, and warns about SSH keys that already bear a new one's
// name.
func (r *sshKeyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var key types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("public_key"), &key)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !key.IsUnknown() && !key.IsNull() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("fingerprint"), validate.SSHFingerprint(key.ValueString()))...)
	}
	if name, ok := adopt.Creating(ctx, req, "name"); ok && r.Client != nil {
		adopt.WarnExisting(ctx, &resp.Diagnostics, path.Root("name"), "gpucloud_tensordock_ssh_key", apierr.Describe("TensorDock", "SSH key", name),
			adopt.Existing(r.Client.SSHKeys, createdSSHKey(name), sshKeyCandidate))
	}
}

func (r *sshKeyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[sshKeyModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	name, key := plan.Name.ValueString(), plan.PublicKey.ValueString()
	what := apierr.Describe("TensorDock", "SSH key", name)
	id, err := adopt.Create(ctx, adopt.Kind{Claims: r.Clients.Claims, Resource: "gpucloud_tensordock_ssh_key", What: what,
		Matching: adopt.Matching(r.Client.SSHKeys, createdSSHKey(name), sshKeyCandidate)},
		func(ctx context.Context) (string, error) { return r.Client.CreateSSHKey(ctx, name, key) })
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	plan.ID = types.StringValue(id)
	plan.Fingerprint = types.StringValue(validate.SSHFingerprint(key))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *sshKeyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[sshKeyModel, api.Secret]{
		What: func(m sshKeyModel) string { return apierr.Describe("TensorDock", "SSH key", m.ID.ValueString()) },
		Read: func(ctx context.Context, m sshKeyModel) (*api.Secret, error) {
			return r.Client.GetSecret(ctx, m.ID.ValueString())
		},
		FromAPI: sshKeyFromAPI,
	})
}

// Update only records a public key adopted after an import.
func (r *sshKeyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, ok := crud.Get[sshKeyModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	plan.Fingerprint = types.StringValue(validate.SSHFingerprint(plan.PublicKey.ValueString()))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *sshKeyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[sshKeyModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	crud.Delete(ctx, &resp.Diagnostics, apierr.Describe("TensorDock", "SSH key", state.Name.ValueString()),
		func(ctx context.Context) error { return r.Client.DeleteSecret(ctx, state.ID.ValueString()) }, nil)
}
