package verda

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/pending"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

const jobTimeout = 30 * time.Minute

// NewServerlessJobResource is gpucloud_verda_serverless_job.
func NewServerlessJobResource() resource.Resource {
	return &jobResource{Kind: crud.Kind{Name: "verda_serverless_job", ImportParts: []string{"id"}}}
}

type jobResource struct {
	clientHolder
	crud.Kind
}

func (r *jobResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	replaceInt := []planmodifier.Int64{int64planmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Verda serverless job: containers that run queued requests to completion within a deadline. " +
			"Containers, compute and registry credentials change in place (a PATCH of the job); the supplement gives no call " +
			"that changes a job's scaling, so a new scaling replaces the job. Create waits until it is `ready`. The calls come " +
			"from Verda's official clients (`/job-deployments`), not document 002.",
		Attributes: map[string]schema.Attribute{
			"id":   schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "The job's name."},
			"name": serverlessNameAttribute("job"),
			"containers": schema.ListNestedAttribute{
				Required: true, Validators: []validator.List{listvalidator.SizeAtLeast(1)},
				PlanModifiers: []planmodifier.List{listplanmodifier.RequiresReplaceIf(containerCountChanges,
					"Changing the number of containers replaces the job.", "Changing the number of containers replaces the job.")},
				MarkdownDescription: "The containers, as for `gpucloud_verda_container_deployment`, changed in place; adding or removing one replaces the job.",
				NestedObject:        schema.NestedAttributeObject{Attributes: containerAttributes()},
			},
			"compute": schema.SingleNestedAttribute{
				Required: true, MarkdownDescription: "What each replica runs on; see `gpucloud_verda_serverless_compute`. Changed in place.",
				Attributes: map[string]schema.Attribute{
					"name": schema.StringAttribute{Required: true, MarkdownDescription: "Compute name, such as `H100`."},
					"size": schema.Int64Attribute{Required: true, Validators: []validator.Int64{int64validator.AtLeast(1)}, MarkdownDescription: "How many GPUs per replica."},
				},
			},
			"registry_credentials": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Name of a `gpucloud_verda_container_registry_credentials` for a private image. Unset by default: a public image. Changed in place.",
			},
			"scaling": schema.SingleNestedAttribute{
				Required: true, MarkdownDescription: "The job's scaling. Changing it replaces the job.",
				Attributes: map[string]schema.Attribute{
					"max_replicas": schema.Int64Attribute{Required: true, PlanModifiers: replaceInt, Validators: []validator.Int64{int64validator.AtLeast(1)}, MarkdownDescription: "Most replicas."},
					"queue_message_ttl_seconds": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(300), PlanModifiers: replaceInt,
						Validators: []validator.Int64{int64validator.AtLeast(1)}, MarkdownDescription: "How long a queued request may wait. Defaults to `300`."},
					"deadline_seconds": schema.Int64Attribute{Required: true, PlanModifiers: replaceInt, Validators: []validator.Int64{int64validator.Between(600, 604800)},
						MarkdownDescription: "How long one request may run: 600 to 604800 seconds (checked at plan)."},
				},
			},
			"timeouts":          sharedschema.Timeouts(ctx, jobTimeout, jobTimeout, deploymentDeleteTimeout),
			"endpoint_base_url": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "Where the job takes requests."},
			"status":            schema.StringAttribute{Computed: true, MarkdownDescription: "Verda's status: `ready`, `running`, `paused` or `terminating`."},
			"created_at":        schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "When it was created."},
		},
	}
	planmod.NoteReplacements(ctx, &resp.Schema, "job")
}

// ModifyPlan warns when a new job's name is taken.
func (r *jobResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.Client != nil {
		warnNameTaken(ctx, req, resp, "gpucloud_verda_serverless_job", "serverless job", r.jobNames)
	}
}

func (r *jobResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[jobModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Create, jobTimeout, &resp.Diagnostics)
	defer cancel()
	name := plan.Name.ValueString()
	what := apierr.Describe("Verda", "serverless job", name)
	containers, diags := apiContainers(ctx, plan.Containers, nil)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	body := api.CreateJobRequest{Name: name, RegistrySettings: plan.registrySettings(), Containers: containers,
		Compute: api.Compute{Name: plan.Compute.Name.ValueString(), Size: plan.Compute.Size.ValueInt64()}, Scaling: plan.Scaling.toAPI()}
	err := createNamed(ctx, adopt.Kind{Claims: r.Clients.Claims, Resource: "gpucloud_verda_serverless_job", What: what}, name, r.jobNames,
		func(ctx context.Context) error { return r.Client.CreateJob(ctx, body) })
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	state := pending.State(plan)
	state.ID = types.StringValue(name)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	if err := r.waitReady(ctx, name, what); err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
	}
	readCtx, cancelRead := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancelRead()
	if m, err := r.read(readCtx, name, state); err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+what, err))
	} else {
		resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
	}
}

func (r *jobResource) waitReady(ctx context.Context, name, what string) error {
	floor, ceiling := r.Clients.Poll(time.Second, 10*time.Second)
	_, err := wait.For(ctx, wait.Options{Object: what, Target: []string{api.JobReady}, Floor: floor, Ceiling: ceiling},
		func(ctx context.Context) (*string, error) {
			status, err := r.Client.JobStatus(ctx, name)
			return &status, err
		}, func(s *string) wait.Observation { return wait.Observation{State: *s} })
	return err
}

func (r *jobResource) read(ctx context.Context, name string, prior jobModel) (*jobModel, error) {
	j, err := r.Client.GetJob(ctx, name)
	if err != nil {
		return nil, err
	}
	scaling, err := r.Client.GetJobScaling(ctx, name)
	if err != nil {
		return nil, err
	}
	status, err := r.Client.JobStatus(ctx, name)
	if err != nil {
		return nil, err
	}
	m := jobFromAPI(j, scaling, status, prior)
	return &m, nil
}

func (r *jobResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[jobModel, jobModel]{
		What:    func(m jobModel) string { return apierr.Describe("Verda", "serverless job", m.ID.ValueString()) },
		Read:    func(ctx context.Context, m jobModel) (*jobModel, error) { return r.read(ctx, m.ID.ValueString(), m) },
		FromAPI: func(read *jobModel, _ jobModel) jobModel { return *read },
	})
}

func (r *jobResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, okPlan := crud.Get[jobModel](ctx, req.Plan, &resp.Diagnostics)
	state, okState := crud.Get[jobModel](ctx, req.State, &resp.Diagnostics)
	if !okPlan || !okState {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Update, jobTimeout, &resp.Diagnostics)
	defer cancel()
	name := state.ID.ValueString()
	what := apierr.Describe("Verda", "serverless job", name)
	patch, changed, diags := servedSpec{plan.Containers, plan.RegistryCredentials, plan.Compute}.patch(ctx,
		servedSpec{state.Containers, state.RegistryCredentials, state.Compute})
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if changed {
		if err := r.Client.PatchJob(ctx, name, patch); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("changing "+what, err))
			return
		}
		if err := r.waitReady(ctx, name, what); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("changing "+what, err))
		}
	}
	m, err := r.read(ctx, name, pending.State(plan))
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+what, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

func (r *jobResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[jobModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, state.Timeouts.Delete, deploymentDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	name := state.ID.ValueString()
	r.deleteServed(ctx, &resp.Diagnostics, apierr.Describe("Verda", "serverless job", name),
		func(ctx context.Context, waitMS int64) error { return r.Client.DeleteJob(ctx, name, waitMS) },
		func(ctx context.Context) error { _, err := r.Client.GetJob(ctx, name); return err })
}
