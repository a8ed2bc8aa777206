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
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

var _ resource.ResourceWithModifyPlan = (*startupScriptResource)(nil)

// NewStartupScriptResource is gpucloud_verda_startup_script.
func NewStartupScriptResource() resource.Resource {
	return &startupScriptResource{Kind: crud.Kind{Name: "verda_startup_script"}}
}

type startupScriptResource struct {
	clientHolder
	crud.Kind
}

func (r *startupScriptResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A startup script stored in the Verda project; an instance that names it in `startup_script_id` runs it " +
			"on first boot. Verda cannot edit a script, so changing any argument replaces it. A project holds at most " +
			"100 scripts unless Verda raised its quota.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The script's ID.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required: true, PlanModifiers: replace,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
				MarkdownDescription: "The script's name in the Verda console.",
			},
			"script": schema.StringAttribute{
				Required: true, PlanModifiers: replace,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				MarkdownDescription: "The script's content, usually starting with a shebang such as `#!/bin/bash`.",
			},
		},
	}
	planmod.NoteReplacements(ctx, &resp.Schema, "script")
}

// ModifyPlan warns about startup scripts that already bear a new one's name.
func (r *startupScriptResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if name, ok := adopt.Creating(ctx, req, "name"); ok && r.Client != nil {
		adopt.WarnExisting(ctx, &resp.Diagnostics, path.Root("name"), "gpucloud_verda_startup_script", apierr.Describe("Verda", "startup script", name),
			adopt.Existing(r.Client.StartupScripts, func(o api.StartupScript) bool { return o.Name == name }, startupScriptCandidate))
	}
}

func (r *startupScriptResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[startupScriptModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	name, content := plan.Name.ValueString(), plan.Script.ValueString()
	what := apierr.Describe("Verda", "startup script", name)
	id, err := adopt.Create(ctx, adopt.Kind{Claims: r.Clients.Claims, Resource: "gpucloud_verda_startup_script", What: what,
		Matching: adopt.Matching(r.Client.StartupScripts, createdStartupScript(name, content), startupScriptCandidate)},
		func(ctx context.Context) (string, error) { return r.Client.CreateStartupScript(ctx, name, content) })
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	plan.ID = types.StringValue(id)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *startupScriptResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[startupScriptModel, api.StartupScript]{
		What: func(m startupScriptModel) string {
			return apierr.Describe("Verda", "startup script", m.ID.ValueString())
		},
		Read: func(ctx context.Context, m startupScriptModel) (*api.StartupScript, error) {
			return r.Client.GetStartupScript(ctx, m.ID.ValueString())
		},
		FromAPI: func(o *api.StartupScript, _ startupScriptModel) startupScriptModel { return startupScriptFromAPI(o) },
	})
}

// Update is never called: every argument forces replacement.
func (r *startupScriptResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.Diagnostics.AddError("Verda startup scripts cannot be changed", "Every argument of gpucloud_verda_startup_script forces replacement; this is a bug in the provider.")
}

func (r *startupScriptResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[startupScriptModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	crud.Delete(ctx, &resp.Diagnostics, apierr.Describe("Verda", "startup script", state.Name.ValueString()),
		func(ctx context.Context) error { return r.Client.DeleteStartupScript(ctx, state.ID.ValueString()) }, nil)
}
