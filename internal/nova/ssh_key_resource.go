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
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/pending"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
)

var _ resource.ResourceWithModifyPlan = (*sshKeyResource)(nil)

// NewSSHKeyResource is gpucloud_nova_ssh_key.
func NewSSHKeyResource() resource.Resource {
	return &sshKeyResource{Kind: crud.Kind{Name: "nova_ssh_key"}}
}

type sshKeyResource struct {
	clientHolder
	crud.Kind
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

// ModifyPlan warns about SSH keys that already bear a new one's label.
func (r *sshKeyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if label, ok := adopt.Creating(ctx, req, "label"); ok && r.Client != nil && r.Client.Authenticated() {
		adopt.WarnExisting(ctx, &resp.Diagnostics, path.Root("label"), "gpucloud_nova_ssh_key", apierr.Describe("Nova Cloud", "SSH key", label),
			adopt.Existing(r.Client.SSHKeys, func(k api.SSHKey) bool { return k.Label == label }, sshKeyCandidate))
	}
}

func (r *sshKeyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[sshKeyModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	label, key := plan.Label.ValueString(), plan.PublicKey.ValueString()
	what := apierr.Describe("Nova Cloud", "SSH key", label)
	id, err := adopt.Create(ctx, adopt.Kind{Claims: r.Clients.Claims, Resource: "gpucloud_nova_ssh_key", What: what,
		Matching: adopt.Matching(r.Client.SSHKeys, createdSSHKey(label, validate.SSHFingerprint(key)), sshKeyCandidate)},
		func(ctx context.Context) (string, error) {
			k, err := r.Client.CreateSSHKey(ctx, key, label)
			if err != nil {
				return "", err
			}
			return k.ID, nil
		})
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	// Saved before reading it back, so that a failed read does not lose the key.
	state := pending.State(plan)
	state.ID = types.StringValue(id)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	created, err := r.Client.GetSSHKey(ctx, id)
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading the new "+what, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, sshKeyFromAPI(created, plan))...)
}

func (r *sshKeyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[sshKeyModel, api.SSHKey]{
		What: func(m sshKeyModel) string { return apierr.Describe("Nova Cloud", "SSH key", m.ID.ValueString()) },
		Read: func(ctx context.Context, m sshKeyModel) (*api.SSHKey, error) {
			return r.Client.GetSSHKey(ctx, m.ID.ValueString())
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
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *sshKeyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[sshKeyModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	crud.Delete(ctx, &resp.Diagnostics, apierr.Describe("Nova Cloud", "SSH key", state.Label.ValueString()),
		func(ctx context.Context) error { return r.Client.DeleteSSHKey(ctx, state.ID.ValueString()) }, nil)
}
