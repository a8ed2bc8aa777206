package nova

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
	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
)

var _ resource.ResourceWithModifyPlan = (*sshKeyResource)(nil)

// NewSSHKeyResource is gpucloud_nova_ssh_key.
func NewSSHKeyResource() resource.Resource { return &sshKeyResource{} }

type sshKeyResource struct{ clientHolder }

type sshKeyModel struct {
	ID          types.String `tfsdk:"id"`
	Label       types.String `tfsdk:"label"`
	PublicKey   types.String `tfsdk:"public_key"`
	Fingerprint types.String `tfsdk:"fingerprint"`
	KeyType     types.String `tfsdk:"key_type"`
	CreatedAt   types.String `tfsdk:"created_at"`
}

func (r *sshKeyResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_nova_ssh_key"
}

func (r *sshKeyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An SSH public key in the Nova Cloud account, for `gpucloud_nova_instance.ssh_key_id`. An account " +
			"holds at most five keys. Changing either argument replaces it. The `DELETE /ssh-keys/{id}` path it is destroyed " +
			"with is inferred from the API's conventions.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "The key's ID."},
			"label": schema.StringAttribute{
				Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators: []validator.String{stringvalidator.LengthBetween(1, 100)}, MarkdownDescription: "The key's label.",
			},
			"public_key": schema.StringAttribute{
				Required: true, PlanModifiers: []planmodifier.String{planmod.ReplaceOrAdoptString()}, Validators: []validator.String{validate.SSHPublicKey()},
				MarkdownDescription: "One public key in `authorized_keys` format. Nova Cloud does not return it: after an import it is taken from the configuration.",
			},
			"fingerprint": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "SHA256 fingerprint."},
			"key_type":    schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "Key type, such as `ssh-ed25519`."},
			"created_at":  schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "When it was added."},
		},
	}
	planmod.NoteReplacements(ctx, &resp.Schema, "key")
}

func (r *sshKeyResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configure(req.ProviderData, &resp.Diagnostics)
}

func sshKeyFromAPI(k *api.SSHKey, prior sshKeyModel) sshKeyModel {
	prior.ID, prior.Label = types.StringValue(k.ID), types.StringValue(k.Label)
	prior.Fingerprint, prior.KeyType, prior.CreatedAt = types.StringValue(k.Fingerprint), types.StringValue(k.KeyType), types.StringValue(k.CreatedAt)
	return prior
}

// ModifyPlan warns about SSH keys that already bear a new one's label.
func (r *sshKeyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if label, ok := adopt.Creating(ctx, req, "label"); ok && r.client != nil && r.client.Authenticated() {
		adopt.WarnExisting(ctx, &resp.Diagnostics, path.Root("label"), "gpucloud_nova_ssh_key", apierr.Describe("Nova Cloud", "SSH key", label),
			adopt.Existing(r.client.SSHKeys, func(k api.SSHKey) bool { return k.Label == label }, sshKeyCandidate))
	}
}

func (r *sshKeyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan sshKeyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	label, key := plan.Label.ValueString(), plan.PublicKey.ValueString()
	what := apierr.Describe("Nova Cloud", "SSH key", label)
	id, err := adopt.Create(ctx, adopt.Kind{Claims: r.clients.Claims, Resource: "gpucloud_nova_ssh_key", What: what,
		Matching: adopt.Matching(r.client.SSHKeys, createdSSHKey(label, validate.SSHFingerprint(key)), sshKeyCandidate)},
		func(ctx context.Context) (string, error) {
			k, err := r.client.CreateSSHKey(ctx, key, label)
			if err != nil {
				return "", err
			}
			return k.ID, nil
		})
	var created *api.SSHKey
	if err == nil {
		created, err = r.client.GetSSHKey(ctx, id)
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, sshKeyFromAPI(created, plan))...)
}

func (r *sshKeyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state sshKeyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	k, err := r.client.GetSSHKey(ctx, state.ID.ValueString())
	if transport.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+apierr.Describe("Nova Cloud", "SSH key", state.ID.ValueString()), err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, sshKeyFromAPI(k, state))...)
}

// Update only records a public key adopted after an import.
func (r *sshKeyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan sshKeyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *sshKeyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state sshKeyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if err := r.client.DeleteSSHKey(ctx, state.ID.ValueString()); err != nil && !transport.IsNotFound(err) {
		resp.Diagnostics.Append(apierr.Diagnostic("deleting "+apierr.Describe("Nova Cloud", "SSH key", state.Label.ValueString()), err))
	}
}

func (r *sshKeyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
	planmod.MarkImported(ctx, resp)
}
