package verda

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// serverlessName is a name of Verda's serverless objects: a lowercase DNS
// label of at most 63 characters.
var serverlessName = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

func serverlessNameAttribute(object string) schema.StringAttribute {
	return schema.StringAttribute{
		Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
		Validators: []validator.String{stringvalidator.RegexMatches(serverlessName,
			"must be a lowercase DNS label: letters, digits and hyphens, at most 63, starting and ending with a letter or digit")},
		MarkdownDescription: "The " + object + "'s name, its ID: a lowercase DNS label of at most 63 characters (checked at plan). Verda cannot rename it.",
	}
}

func forceDestroyAttribute(object string) schema.BoolAttribute {
	return schema.BoolAttribute{
		Optional: true, Computed: true, Default: booldefault.StaticBool(false),
		MarkdownDescription: "Delete the " + object + " even while a deployment uses it. Defaults to `false`: Verda refuses, and " +
			"the error says what uses it. Changed in place; only destroy reads it.",
	}
}

// NewSecretResource is gpucloud_verda_secret.
func NewSecretResource() resource.Resource {
	return &secretResource{Kind: crud.Kind{Name: "verda_secret", ImportParts: []string{"id"}}}
}

type secretResource struct {
	clientHolder
	crud.Kind
}

func (r *secretResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A secret for Verda's serverless containers and jobs, which reference it by name in `env` " +
			"(`type = \"secret\"`). Verda never returns a secret's value and cannot change it: a new value replaces the secret. " +
			"The calls come from Verda's official clients (`/secrets`), not document 002.",
		Attributes: map[string]schema.Attribute{
			"id":            schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}, MarkdownDescription: "The secret's name."},
			"name":          serverlessNameAttribute("secret"),
			"force_destroy": forceDestroyAttribute("secret"),
			"created_at":    schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}, MarkdownDescription: "When it was stored."},
		},
	}
	sharedschema.Merge(resp.Schema.Attributes, sharedschema.WriteOnlyAttributes("value", "The secret's value; one of `value` and `value_wo` is needed",
		stringvalidator.LengthAtLeast(1)))
	planmod.NoteReplacements(ctx, &resp.Schema, "secret")
}

// ModifyPlan needs a value for a new secret; an imported one has none.
func (r *secretResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	planmod.NeededToCreate(ctx, req, resp, "secret", planmod.OneOf{"value", "value_wo"})
	if r.Client != nil {
		warnNameTaken(ctx, req, resp, "gpucloud_verda_secret", "secret", r.secretNames(api.SecretGeneric))
	}
}

func (r *secretResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, okPlan := crud.Get[secretModel](ctx, req.Plan, &resp.Diagnostics)
	config, okConfig := crud.Get[secretModel](ctx, req.Config, &resp.Diagnostics)
	if !okPlan || !okConfig {
		return
	}
	name := plan.Name.ValueString()
	what := apierr.Describe("Verda", "secret", name)
	value := plan.Value.ValueString()
	if !config.ValueWO.IsNull() {
		value = config.ValueWO.ValueString()
	}
	found, ok := r.createSecret(ctx, &resp.Diagnostics, "gpucloud_verda_secret", api.SecretGeneric, what, name,
		func(ctx context.Context) error { return r.Client.CreateSecret(ctx, name, value) })
	if ok {
		resp.Diagnostics.Append(resp.State.Set(ctx, secretFromAPI(found, plan))...)
	}
}

func (r *secretResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[secretModel, api.Secret]{
		What: func(m secretModel) string { return apierr.Describe("Verda", "secret", m.Name.ValueString()) },
		Read: func(ctx context.Context, m secretModel) (*api.Secret, error) {
			return r.secret(ctx, api.SecretGeneric, m.ID.ValueString())
		},
		Gone:    func(s *api.Secret) bool { return s == nil },
		FromAPI: secretFromAPI,
	})
}

// Update only records force_destroy: every other argument replaces.
func (r *secretResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, ok := crud.Get[secretModel](ctx, req.Plan, &resp.Diagnostics)
	if ok {
		plan.ValueWO = types.StringNull()
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

func (r *secretResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[secretModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	what := apierr.Describe("Verda", "secret", state.ID.ValueString())
	crud.Delete(ctx, &resp.Diagnostics, what, func(ctx context.Context) error {
		return deleteInUse("the secret", r.Client.DeleteSecret(ctx, api.SecretGeneric, state.ID.ValueString(), state.ForceDestroy.ValueBool()))
	}, nil)
}
