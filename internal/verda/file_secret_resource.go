package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// NewFileSecretResource is gpucloud_verda_file_secret.
func NewFileSecretResource() resource.Resource {
	return &fileSecretResource{Kind: crud.Kind{Name: "verda_file_secret", ImportParts: []string{"id"}}}
}

type fileSecretResource struct {
	clientHolder
	crud.Kind
}

func (r *fileSecretResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A secret made of files, which a serverless container mounts as a `secret` volume mount. Verda never " +
			"returns the files and cannot change them: new files replace the secret. The calls come from Verda's official " +
			"clients (`/file-secrets`), not document 002.",
		Attributes: map[string]schema.Attribute{
			"id":   schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "The secret's name."},
			"name": serverlessNameAttribute("file secret"),
			"files": schema.MapAttribute{
				Optional: true, Sensitive: true, ElementType: types.StringType,
				PlanModifiers: []planmodifier.Map{planmod.ReplaceOrAdoptMap()},
				Validators: []validator.Map{
					mapvalidator.SizeAtLeast(1), mapvalidator.KeysAre(stringvalidator.LengthAtLeast(1)),
					mapvalidator.ValueStringsAre(validate.Base64()),
				},
				MarkdownDescription: "File name to its content in base64, as `filebase64()` reads it (checked at plan); kept in " +
					"state, sensitive. Needed to create the secret; optional only for an imported one, whose files Verda does not return.",
			},
			"force_destroy": forceDestroyAttribute("file secret"),
			"created_at":    schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "When it was stored."},
		},
	}
	planmod.NoteReplacements(ctx, &resp.Schema, "file secret")
}

func (r *fileSecretResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	planmod.NeededToCreate(ctx, req, resp, "file secret", planmod.OneOf{"files"})
	if r.Client != nil {
		warnNameTaken(ctx, req, resp, "gpucloud_verda_file_secret", "file secret", r.secretNames(api.SecretFileType))
	}
}

func (r *fileSecretResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[fileSecretModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	name := plan.Name.ValueString()
	what := apierr.Describe("Verda", "file secret", name)
	files := secretFiles(ctx, plan.Files)
	found, ok := r.createSecret(ctx, &resp.Diagnostics, "gpucloud_verda_file_secret", api.SecretFileType, what, name,
		func(ctx context.Context) error { return r.Client.CreateFileSecret(ctx, name, files) })
	if ok {
		resp.Diagnostics.Append(resp.State.Set(ctx, fileSecretFromAPI(found, plan))...)
	}
}

func (r *fileSecretResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[fileSecretModel, api.Secret]{
		What: func(m fileSecretModel) string { return apierr.Describe("Verda", "file secret", m.Name.ValueString()) },
		Read: func(ctx context.Context, m fileSecretModel) (*api.Secret, error) {
			return r.secret(ctx, api.SecretFileType, m.ID.ValueString())
		},
		Gone:    func(s *api.Secret) bool { return s == nil },
		FromAPI: fileSecretFromAPI,
	})
}

// Update only records force_destroy: every other argument replaces.
func (r *fileSecretResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if plan, ok := crud.Get[fileSecretModel](ctx, req.Plan, &resp.Diagnostics); ok {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

func (r *fileSecretResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[fileSecretModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	crud.Delete(ctx, &resp.Diagnostics, apierr.Describe("Verda", "file secret", state.ID.ValueString()), func(ctx context.Context) error {
		return deleteInUse("the file secret", r.Client.DeleteSecret(ctx, api.SecretFileType, state.ID.ValueString(), state.ForceDestroy.ValueBool()))
	}, nil)
}
