package verda

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
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

var _ resource.ResourceWithModifyPlan = (*sshKeyResource)(nil)

// NewSSHKeyResource is gpucloud_verda_ssh_key.
func NewSSHKeyResource() resource.Resource {
	return &sshKeyResource{Kind: crud.Kind{Name: "verda_ssh_key"}}
}

type sshKeyResource struct {
	clientHolder
	crud.Kind
}

func (r *sshKeyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An SSH public key stored in the Verda project; Verda instances given its ID accept logins with it. " +
			"Verda cannot edit a key, so changing any argument replaces it.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The key's ID.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required: true, PlanModifiers: replace,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
				MarkdownDescription: "The key's name in the Verda console, 1 to 255 characters.",
			},
			"public_key": schema.StringAttribute{
				Required: true, PlanModifiers: replace,
				Validators: []validator.String{validate.SSHPublicKey()},
				MarkdownDescription: "One public key in `authorized_keys` format, such as the contents of `~/.ssh/id_ed25519.pub`. " +
					"Surrounding white space (the newline `file()` keeps) is ignored when comparing with what Verda stores.",
			},
			"fingerprint": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The key's SHA256 fingerprint, as `ssh-keygen -l` prints it.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
	planmod.NoteReplacements(ctx, &resp.Schema, "key")
}

// ModifyPlan warns about SSH keys that already bear a new one's name.
func (r *sshKeyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if name, ok := adopt.Creating(ctx, req, "name"); ok && r.Client != nil {
		adopt.WarnExisting(ctx, &resp.Diagnostics, path.Root("name"), "gpucloud_verda_ssh_key", apierr.Describe("Verda", "SSH key", name),
			adopt.Existing(r.Client.SSHKeys, func(o api.SSHKey) bool { return o.Name == name }, sshKeyCandidate))
	}
}

func (r *sshKeyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[sshKeyModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	name, key := plan.Name.ValueString(), plan.PublicKey.ValueString()
	what := apierr.Describe("Verda", "SSH key", name)
	id, err := adopt.Create(ctx, adopt.Kind{Claims: r.Clients.Claims, Resource: "gpucloud_verda_ssh_key", What: what,
		Matching: adopt.Matching(r.Client.SSHKeys, createdSSHKey(name, key), sshKeyCandidate)},
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
	crud.Read(ctx, req, resp, crud.Reader[sshKeyModel, api.SSHKey]{
		What: func(m sshKeyModel) string { return apierr.Describe("Verda", "SSH key", m.ID.ValueString()) },
		Read: func(ctx context.Context, m sshKeyModel) (*api.SSHKey, error) {
			return r.Client.GetSSHKey(ctx, m.ID.ValueString())
		},
		FromAPI: sshKeyFromAPI,
	})
}

// Update is never called: every argument forces replacement.
func (r *sshKeyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.Diagnostics.AddError("Verda SSH keys cannot be changed", "Every argument of gpucloud_verda_ssh_key forces replacement; this is a bug in the provider.")
}

func (r *sshKeyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[sshKeyModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	crud.Delete(ctx, &resp.Diagnostics, apierr.Describe("Verda", "SSH key", state.Name.ValueString()),
		func(ctx context.Context) error { return r.Client.DeleteSSHKey(ctx, state.ID.ValueString()) }, nil)
}
