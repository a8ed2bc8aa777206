package bluelobster

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
)

// NewBackupScheduleResource is gpucloud_bluelobster_backup_schedule.
func NewBackupScheduleResource() resource.Resource {
	return &backupScheduleResource{Kind: crud.Kind{Name: "bluelobster_backup_schedule", ImportParts: []string{"instance_id"}}}
}

type backupScheduleResource struct {
	clientHolder
	crud.Kind
}

func (r *backupScheduleResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The automatic backup schedule of one Blue Lobster instance, changed in place. Backup storage beyond Blue Lobster's free tier is billed.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}, MarkdownDescription: "The instance's ID."},
			"instance_id": schema.StringAttribute{
				Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}, MarkdownDescription: "The instance to back up.",
			},
			"enabled": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true), MarkdownDescription: "Whether backups run. Defaults to `true`."},
			"frequency": schema.StringAttribute{
				Required: true, Validators: []validator.String{stringvalidator.OneOf("daily", "weekly", "monthly")},
				MarkdownDescription: "`daily`, `weekly` or `monthly`.",
			},
			"time_utc": schema.StringAttribute{Required: true, Validators: []validator.String{validate.TimeOfDay()}, MarkdownDescription: "When backups run, as `HH:MM` in UTC."},
			"retention_count": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(7), Validators: []validator.Int64{int64validator.Between(1, 100)},
				MarkdownDescription: "How many backups to keep, 1 to 100. Defaults to 7.",
			},
			"last_backup": schema.StringAttribute{Computed: true, MarkdownDescription: "When the last backup ran, if one did."},
			"next_backup": schema.StringAttribute{Computed: true, MarkdownDescription: "When the next backup runs, while enabled."},
		},
	}
	planmod.NoteReplacements(ctx, &resp.Schema, "schedule")
}

func (r *backupScheduleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[backupScheduleModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	r.put(ctx, plan, &resp.State, &resp.Diagnostics)
}

func (r *backupScheduleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, ok := crud.Get[backupScheduleModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	r.put(ctx, plan, &resp.State, &resp.Diagnostics)
}

func (r *backupScheduleResource) put(ctx context.Context, plan backupScheduleModel, state *tfsdk.State, diags *diag.Diagnostics) {
	id := plan.InstanceID.ValueString()
	what := apierr.Describe("Blue Lobster", "backup schedule of instance", id)
	err := r.Client.PutSchedule(ctx, id, api.Schedule{
		Enabled: plan.Enabled.ValueBool(), Frequency: plan.Frequency.ValueString(), TimeUTC: plan.TimeUTC.ValueString(), RetentionCount: plan.RetentionCount.ValueInt64(),
	})
	if err != nil {
		diags.Append(apierr.Diagnostic("writing "+what, err))
		return
	}
	s, err := r.Client.GetSchedule(ctx, id)
	if err != nil {
		diags.Append(apierr.Diagnostic("reading "+what, err))
		return
	}
	diags.Append(state.Set(ctx, backupScheduleFromAPI(id, s))...)
}

func (r *backupScheduleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[backupScheduleModel, api.Schedule]{
		What: func(m backupScheduleModel) string {
			return apierr.Describe("Blue Lobster", "backup schedule of instance", m.ID.ValueString())
		},
		Read: func(ctx context.Context, m backupScheduleModel) (*api.Schedule, error) {
			return r.Client.GetSchedule(ctx, m.ID.ValueString())
		},
		FromAPI: func(s *api.Schedule, m backupScheduleModel) backupScheduleModel {
			return backupScheduleFromAPI(m.ID.ValueString(), s)
		},
	})
}

func (r *backupScheduleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[backupScheduleModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	id := state.ID.ValueString()
	crud.Delete(ctx, &resp.Diagnostics, apierr.Describe("Blue Lobster", "backup schedule of instance", id),
		func(ctx context.Context) error { return r.Client.DeleteSchedule(ctx, id) }, nil)
}
