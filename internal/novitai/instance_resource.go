package novitai

import (
	"context"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/pending"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

const (
	powerRunning = "running"
	powerStopped = "stopped"
	// The document: "Maximum polling duration should not exceed 10 minutes".
	createTimeout = 10 * time.Minute
	updateTimeout = 10 * time.Minute
	deleteTimeout = 5 * time.Minute
	// A deleted instance is gone within seconds.
	deletePollFloor   = 2 * time.Second
	deletePollCeiling = 10 * time.Second
)

var (
	namePattern = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
	urlPattern  = regexp.MustCompile(`^https?://[^\s]+$`)
	// fieldAttributes maps the service's request fields to attributes.
	fieldAttributes = map[string]path.Path{
		"name": path.Root("name"), "productName": path.Root("product_name"), "templateId": path.Root("template_id"),
		"gpuNum": path.Root("gpu_num"), "rootfsSize": path.Root("rootfs_size"), "region": path.Root("region"),
		"webhookUrl": path.Root("webhook_url"), "billingMode": path.Root("billing_mode"),
	}
)

// NewInstanceResource is gpucloud_novitai_instance.
func NewInstanceResource() resource.Resource {
	return &instanceResource{Kind: crud.Kind{Name: "novitai_instance"}}
}

type instanceResource struct {
	clientHolder
	crud.Kind
}

func (r *instanceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	adoptable := []planmodifier.String{planmod.ReplaceOrAdoptString()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Novita AI GPU instance managed through a novitai service. Create polls as the service advises " +
			"(every 10-15 s while creating, every 5 s once starting) until it runs; `failed` or `terminated` end the wait and " +
			"leave it tainted. `power_state` stops and starts it in place. The start, stop and delete paths come from the " +
			"service's source rather than its document.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "The instance's ID."},
			"name": schema.StringAttribute{
				Required: true, PlanModifiers: replace,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 100), stringvalidator.RegexMatches(namePattern, "must contain only letters, digits, hyphens and underscores")},
				MarkdownDescription: "Name, 1 to 100 letters, digits, `-` and `_` (checked at plan). A plan warns when the service already has an instance with this name.",
			},
			"product_name": schema.StringAttribute{
				Optional: true, PlanModifiers: adoptable, Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				MarkdownDescription: "Novita product, such as `gpu-basic`; needed to create an instance (optional only for an imported one, which the service does not report it for). The service publishes no list of products, so an unknown one is refused at apply, before anything is created.",
			},
			"template_id": schema.StringAttribute{
				Optional: true, PlanModifiers: adoptable, Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				MarkdownDescription: "Template to start from; needed to create an instance (optional only for an imported one, which the service does not report it for). The service publishes no list of templates, so an unknown one is refused at apply, before anything is created.",
			},
			"gpu_num": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(1),
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()}, Validators: []validator.Int64{int64validator.Between(1, 8)},
				MarkdownDescription: "GPUs, 1 to 8. Defaults to 1.",
			},
			"rootfs_size": schema.Int64Attribute{
				Optional: true, Computed: true,
				PlanModifiers: []planmodifier.Int64{planmod.UnreportedDefaultInt64(60), planmod.ReplaceOrAdoptInt64()}, Validators: []validator.Int64{int64validator.Between(20, 1000)},
				MarkdownDescription: "Root filesystem in GB, 20 to 1000. Defaults to 60.",
			},
			"region": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("CN-HK-01"), PlanModifiers: replace,
				Validators:          []validator.String{stringvalidator.OneOf("CN-HK-01", "US-WEST-01", "EU-WEST-01")},
				MarkdownDescription: "`CN-HK-01` (default), `US-WEST-01` or `EU-WEST-01`.",
			},
			"webhook_url": schema.StringAttribute{
				Optional: true, PlanModifiers: adoptable, Validators: []validator.String{stringvalidator.RegexMatches(urlPattern, "must be an http:// or https:// URL")},
				MarkdownDescription: "URL the service posts status changes to.",
			},
			"billing_mode": schema.StringAttribute{
				Optional: true, Computed: true, PlanModifiers: []planmodifier.String{planmod.UnreportedDefaultString("onDemand"), planmod.ReplaceOrAdoptString()},
				Validators:          []validator.String{stringvalidator.OneOf("onDemand", "spot")},
				MarkdownDescription: "`onDemand` (default) or `spot`.",
			},
			"power_state": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(powerRunning),
				Validators:          []validator.String{stringvalidator.OneOf(powerRunning, powerStopped)},
				MarkdownDescription: "`running` or `stopped`, changed in place. Defaults to `running`.",
			},
			"timeouts": sharedschema.Timeouts(ctx, createTimeout, updateTimeout, deleteTimeout),
			"status":   schema.StringAttribute{Computed: true, MarkdownDescription: "Lifecycle status: `creating`, `starting`, `running`, `stopping`, `stopped` or `failed`."},
			"port_mappings": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "Ports reachable from outside, once the instance runs.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"port":     schema.Int64Attribute{Computed: true, MarkdownDescription: "The instance's port."},
					"endpoint": schema.StringAttribute{Computed: true, MarkdownDescription: "Where it is reachable, such as `203.0.113.7:30022`."},
					"type":     schema.StringAttribute{Computed: true, MarkdownDescription: "What it serves, such as `ssh` or `http`."},
				}},
			},
			"connection_details": schema.SingleNestedAttribute{
				Computed: true, MarkdownDescription: "How to connect, once the instance runs.",
				Attributes: map[string]schema.Attribute{
					"ssh":          schema.StringAttribute{Computed: true, MarkdownDescription: "The SSH command or address."},
					"jupyter":      schema.StringAttribute{Computed: true, MarkdownDescription: "The Jupyter URL."},
					"web_terminal": schema.StringAttribute{Computed: true, MarkdownDescription: "The web terminal URL."},
				},
			},
			"created_at":           schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "Creation time."},
			"ready_at":             schema.StringAttribute{Computed: true, MarkdownDescription: "When it last became ready."},
			"estimated_ready_time": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "The service's estimate, at creation, of when it would be ready."},
			"novita_instance_id": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The instance's ID at Novita AI, as the create answer gives it (the service's source, not document 003); null when it does not, and after an import.",
			},
			"product_id": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The product's ID, as the create answer gives it; null when it does not, and after an import.",
			},
			"spot_price": schema.Float64Attribute{
				Computed: true, PlanModifiers: []planmodifier.Float64{float64planmodifier.UseStateForUnknown()},
				MarkdownDescription: "The spot price per hour at creation, as the create answer gives it; null when it does not, and after an import.",
			},
		},
	}
	planmod.NoteReplacements(ctx, &resp.Schema, "instance")
}

// ModifyPlan warns about instances that already bear a new one's name.
func (r *instanceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	planmod.NeededToCreate(ctx, req, resp, "instance", planmod.OneOf{"product_name"}, planmod.OneOf{"template_id"})
	if name, ok := adopt.Creating(ctx, req, "name"); ok && r.Client != nil {
		adopt.WarnExisting(ctx, &resp.Diagnostics, path.Root("name"), "gpucloud_novitai_instance", apierr.Describe("novitai", "instance", name),
			adopt.Existing(r.Client.Instances, func(i api.Instance) bool { return i.Name == name }, instanceCandidate))
	}
}

func describe(m instanceModel) string {
	return apierr.Describe("novitai", "instance", m.Name.ValueString())
}

func (r *instanceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[instanceModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Create, createTimeout, &resp.Diagnostics)
	defer cancel()
	what := describe(plan)
	body := api.CreateRequest{
		Name: plan.Name.ValueString(), ProductName: plan.ProductName.ValueString(), TemplateID: plan.TemplateID.ValueString(),
		GPUNum: plan.GPUNum.ValueInt64(), RootfsSize: plan.RootfsSize.ValueInt64(), Region: plan.Region.ValueString(),
		WebhookURL: plan.WebhookURL.ValueString(), BillingMode: plan.BillingMode.ValueString(),
	}
	id, answer, err := r.machines().create(ctx, body, what)
	if err != nil {
		resp.Diagnostics.Append(apierr.FieldDiagnostics("creating "+what, err, fieldAttributes)...)
		return
	}
	// Saved before polling: a failed instance stays tracked (tainted), never billed outside state.
	state := pending.State(plan)
	state.ID, state.Status = types.StringValue(id), types.StringValue(api.StatusCreating)
	state.setCreated(answer)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)

	inst, err := r.machines().waitFor(ctx, id, what, api.StatusRunning)
	if err == nil && plan.PowerState.ValueString() == powerStopped {
		// Saved running, so that a failed stop leaves a plan to stop it.
		state.setReported(report(inst))
		state.PowerState = types.StringValue(powerRunning)
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		inst, err = r.machines().setPower(ctx, id, what, powerStopped)
		if err == nil {
			state.PowerState = plan.PowerState
		}
	}
	if inst != nil {
		state.setReported(report(inst))
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
	}
}

func (r *instanceResource) machines() machines {
	return machines{client: r.Client, clients: r.Clients}
}

func (r *instanceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[instanceModel, api.Instance]{
		What: func(m instanceModel) string { return apierr.Describe("novitai", "instance", m.ID.ValueString()) },
		Read: func(ctx context.Context, m instanceModel) (*api.Instance, error) {
			return r.Client.GetInstance(ctx, m.ID.ValueString())
		},
		Gone:    func(inst *api.Instance) bool { return inst.Status == api.StatusTerminated },
		FromAPI: instanceFromAPI,
	})
}

func (r *instanceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, okPlan := crud.Get[instanceModel](ctx, req.Plan, &resp.Diagnostics)
	state, okState := crud.Get[instanceModel](ctx, req.State, &resp.Diagnostics)
	if !okPlan || !okState {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Update, updateTimeout, &resp.Diagnostics)
	defer cancel()
	id, what := state.ID.ValueString(), describe(state)
	var inst *api.Instance
	var err error
	if !plan.PowerState.Equal(state.PowerState) {
		inst, err = r.machines().setPower(ctx, id, what, plan.PowerState.ValueString())
	} else {
		inst, err = r.Client.GetInstance(ctx, id)
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("updating "+what, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, instanceFromAPI(inst, plan))...)
}

func (r *instanceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[instanceModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, state.Timeouts.Delete, deleteTimeout, &resp.Diagnostics)
	defer cancel()
	id, what := state.ID.ValueString(), describe(state)
	if err := r.machines().destroy(ctx, id, what); err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("deleting "+what, err))
	}
}
