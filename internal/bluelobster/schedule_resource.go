package bluelobster

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
)

// NewBackupScheduleResource is gpucloud_bluelobster_backup_schedule.
func NewBackupScheduleResource() resource.Resource { return &scheduleResource{} }

type scheduleResource struct{ clientHolder }

type scheduleModel struct {
	ID             types.String `tfsdk:"id"`
	InstanceID     types.String `tfsdk:"instance_id"`
	Enabled        types.Bool   `tfsdk:"enabled"`
	Frequency      types.String `tfsdk:"frequency"`
	TimeUTC        types.String `tfsdk:"time_utc"`
	RetentionCount types.Int64  `tfsdk:"retention_count"`
	LastBackup     types.String `tfsdk:"last_backup"`
	NextBackup     types.String `tfsdk:"next_backup"`
}

func (r *scheduleResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_bluelobster_backup_schedule"
}

func (r *scheduleResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
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

func (r *scheduleResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configure(req.ProviderData, &resp.Diagnostics)
}

func (r *scheduleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan scheduleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	r.put(ctx, plan, &resp.State, &resp.Diagnostics)
}

func (r *scheduleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan scheduleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	r.put(ctx, plan, &resp.State, &resp.Diagnostics)
}

func (r *scheduleResource) put(ctx context.Context, plan scheduleModel, state *tfsdk.State, diags *diag.Diagnostics) {
	if diags.HasError() {
		return
	}
	id := plan.InstanceID.ValueString()
	what := apierr.Describe("Blue Lobster", "backup schedule of instance", id)
	err := r.client.PutSchedule(ctx, id, api.Schedule{
		Enabled: plan.Enabled.ValueBool(), Frequency: plan.Frequency.ValueString(), TimeUTC: plan.TimeUTC.ValueString(), RetentionCount: plan.RetentionCount.ValueInt64(),
	})
	if err != nil {
		diags.Append(apierr.Diagnostic("writing "+what, err))
		return
	}
	s, err := r.client.GetSchedule(ctx, id)
	if err != nil {
		diags.Append(apierr.Diagnostic("reading "+what, err))
		return
	}
	diags.Append(state.Set(ctx, scheduleFromAPI(id, s))...)
}

func scheduleFromAPI(id string, s *api.Schedule) scheduleModel {
	return scheduleModel{
		ID: types.StringValue(id), InstanceID: types.StringValue(id), Enabled: types.BoolValue(s.Enabled),
		Frequency: types.StringValue(s.Frequency), TimeUTC: types.StringValue(s.TimeUTC), RetentionCount: types.Int64Value(s.RetentionCount),
		LastBackup: nullIfEmpty(s.LastBackup), NextBackup: nullIfEmpty(s.NextBackup),
	}
}

func (r *scheduleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state scheduleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id := state.ID.ValueString()
	s, err := r.client.GetSchedule(ctx, id)
	if transport.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+apierr.Describe("Blue Lobster", "backup schedule of instance", id), err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, scheduleFromAPI(id, s))...)
}

func (r *scheduleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state scheduleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if err := r.client.DeleteSchedule(ctx, state.ID.ValueString()); err != nil && !transport.IsNotFound(err) {
		resp.Diagnostics.Append(apierr.Diagnostic("deleting "+apierr.Describe("Blue Lobster", "backup schedule of instance", state.ID.ValueString()), err))
	}
}

func (r *scheduleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
