package bluelobster

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/catalog"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/pending"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
)

const (
	powerRunning = "running"
	powerStopped = "stopped"
	// powerUnreported stands for the null power_status Blue Lobster sends
	// for some running machines; a provisioning one reports "provisioning".
	powerUnreported = "(not reported)"
	// Blue Lobster documents 1-5 minutes of provisioning.
	instanceCreateTimeout = 20 * time.Minute
	instanceUpdateTimeout = 10 * time.Minute
	instanceDeleteTimeout = 10 * time.Minute
)

var namePattern = regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]$`)

var _ resource.ResourceWithModifyPlan = (*instanceResource)(nil)

// NewInstanceResource is gpucloud_bluelobster_instance.
func NewInstanceResource() resource.Resource {
	return &instanceResource{Kind: crud.Kind{Name: "bluelobster_instance"}}
}

type instanceResource struct {
	clientHolder
	crud.Kind
}

func (r *instanceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	// Blue Lobster never returns these; after an import they are adopted from the configuration.
	adoptable := []planmodifier.String{planmod.ReplaceOrAdoptString()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	keepInt := []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: desc}
	}
	integer := func(desc string) schema.Attribute {
		return schema.Int64Attribute{Computed: true, PlanModifiers: keepInt, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Blue Lobster virtual machine. Its ID is in state as soon as the launch answers, before the launch " +
			"task finishes; a task that ends `FAILED` leaves the machine tainted in state (or nothing, when no machine was made). " +
			"`name` changes in place, `power_state` powers it on and shuts it down in place; the rest is fixed at launch. " +
			"Blue Lobster does not return the SSH key, the template or ISO asked for, or (always) the metadata: after an import " +
			"they are taken from the configuration without replacing the machine. So that the configuration Terraform generates " +
			"for an imported machine is valid as written, `ssh_public_key` is optional in the schema; a new machine needs it, and " +
			"one of `template_name` and `iso_url`, and a plan without them fails.",
		Attributes: map[string]schema.Attribute{
			"id":            str("The instance's UUID."),
			"region":        schema.StringAttribute{Required: true, PlanModifiers: replace, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}, MarkdownDescription: "Region, such as `igl` or `phl`."},
			"instance_type": schema.StringAttribute{Required: true, PlanModifiers: replace, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}, MarkdownDescription: "Instance type, such as `gpu_1x_a4000`; see `gpucloud_bluelobster_instance_types`."},
			"name": schema.StringAttribute{
				Required: true,
				Validators: []validator.String{stringvalidator.LengthAtMost(64), stringvalidator.RegexMatches(namePattern,
					"must be letters, digits and hyphens, starting and ending with a letter or digit")},
				MarkdownDescription: "Name: at most 64 letters, digits and hyphens, starting and ending with a letter or digit " +
					"(checked at plan). Changed in place; a power cycle makes the machine's hostname follow. A plan warns when " +
					"the account already has an instance with this name.",
			},
			"username": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("ubuntu"), PlanModifiers: replace,
				MarkdownDescription: "Login user. Defaults to `ubuntu`.",
			},
			"ssh_public_key": schema.StringAttribute{
				Optional: true, PlanModifiers: adoptable, Validators: []validator.String{validate.SSHPublicKey()},
				MarkdownDescription: "Public key for the login user; needed to launch a machine (optional only for an imported one, which Blue Lobster does not report it for). A trailing newline (as `file()` keeps) is removed before sending, since Blue Lobster refuses it.",
			},
			"template_name": schema.StringAttribute{
				Optional: true, PlanModifiers: adoptable,
				MarkdownDescription: "OS template such as `UBUNTU-22-04-NV`; see `gpucloud_bluelobster_images`. A new machine needs exactly one of `template_name` and `iso_url`. " +
					"Kept as written; `template_name_reported` says what Blue Lobster reports.",
			},
			"iso_url": schema.StringAttribute{
				Optional: true, PlanModifiers: adoptable,
				Validators:          []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`^https?://`), "must be an http or https URL")},
				MarkdownDescription: "URL of an ISO (at most 4 GB) to install from, for Windows and other systems without a template.",
			},
			"metadata": schema.MapAttribute{
				Optional: true, ElementType: types.StringType, PlanModifiers: []planmodifier.Map{planmod.ReplaceOrAdoptMap()},
				MarkdownDescription: "Key-value pairs for organisation. Kept as written: Blue Lobster may not return them.",
			},
			"power_state": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(powerRunning),
				Validators:          []validator.String{stringvalidator.OneOf(powerRunning, powerStopped)},
				MarkdownDescription: "`running` or `stopped`, changed in place. Defaults to `running`.",
			},
			"timeouts":               sharedschema.Timeouts(ctx, instanceCreateTimeout, instanceUpdateTimeout, instanceDeleteTimeout),
			"ip_address":             str("Public IP address."),
			"internal_ip":            str("Internal IP address."),
			"host_id":                str("Host the machine runs on."),
			"cpu_cores":              integer("vCPUs."),
			"memory_gib":             integer("Memory in GiB."),
			"storage_gib":            integer("Storage in GiB."),
			"gpu_count":              integer("GPUs."),
			"gpu_model":              str("GPU model."),
			"power_status":           schema.StringAttribute{Computed: true, MarkdownDescription: "Power status as Blue Lobster reports it; empty when it reports none."},
			"template_name_reported": schema.StringAttribute{Computed: true, MarkdownDescription: "The template Blue Lobster reports, which can differ from `template_name`."},
			"os_type":                str("Operating system family, such as `linux`."),
			"team_id": schema.StringAttribute{
				Optional: true, Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				MarkdownDescription: "The team the instance belongs to, by UUID; `\"\"` takes it out of its team. Changed in place. " +
					"Unset by default: the team is left as it is, and reported. The assign and remove calls' path is inferred " +
					"(`/instances/{id}/team`): Blue Lobster's document describes them without one.",
			},
			"team_name":  schema.StringAttribute{Computed: true, MarkdownDescription: "Name of the instance's team; empty when it has none."},
			"created_at": str("Creation time."),
		},
	}
	maps.Copy(resp.Schema.Attributes, sharedschema.PriceAttributes("the instance type's price, which Blue Lobster states in US cents"))
	maps.Copy(resp.Schema.Attributes, sharedschema.PasswordAttributes("Login password. Blue Lobster's API document names no password "+
		"for a launch; it is sent as `password` only when set. Should Blue Lobster ignore it, the machine is made without a "+
		"password login and `ssh_public_key` is the way in"))
	planmod.NoteReplacements(ctx, &resp.Schema, "instance")
}

func (r *instanceResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{resourcevalidator.Conflicting(path.MatchRoot("template_name"), path.MatchRoot("iso_url"))}
}

// ModifyPlan warns about instances that already bear a new one's name.
func (r *instanceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if name, ok := adopt.Creating(ctx, req, "name"); ok && r.Client != nil {
		adopt.WarnExisting(ctx, &resp.Diagnostics, path.Root("name"), "gpucloud_bluelobster_instance", apierr.Describe("Blue Lobster", "instance", name),
			adopt.Existing(r.Client.Instances, func(i api.Instance) bool { return i.Name == name }, instanceCandidate))
	}
	planmod.NeededToCreate(ctx, req, resp, "instance", planmod.OneOf{"ssh_public_key"}, planmod.OneOf{"template_name", "iso_url"})
	if req.State.Raw.IsNull() && !req.Plan.Raw.IsNull() {
		r.checkCatalogue(ctx, req, resp)
	}
}

// checkPriceNow refuses a launch whose price rose above max_price_per_hour
// since the plan, reading the instance types afresh.
func (r *instanceResource) checkPriceNow(ctx context.Context, plan instanceModel) error {
	if plan.MaxPricePerHour.IsNull() {
		return nil
	}
	current, err := r.Client.ListInstanceTypes(ctx)
	if t := findType(current, plan.InstanceType.ValueString()); err == nil && t != nil && plan.Above(t.PriceCentsPerHour/100) {
		return catalog.PriceRose(t.PriceCentsPerHour/100, currency, plan.MaxPricePerHour.ValueFloat64())
	}
	return nil
}

// checkCatalogue fails the plan of a new instance whose type Blue Lobster
// does not offer, whose region has no capacity for it now, or whose
// template it does not have, and plans its price.
func (r *instanceResource) checkCatalogue(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.Client == nil {
		return
	}
	plan, ok := crud.Get[instanceModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	known, err := r.Client.KnownInstanceTypes(ctx)
	typeOK := catalog.Check(&resp.Diagnostics, catalog.Value{Attr: path.Root("instance_type"), Value: plan.InstanceType,
		What: "an instance type Blue Lobster offers", Where: "gpucloud_bluelobster_instance_types"}, instanceTypeNames(known), false, err)
	templates, err := r.Client.KnownTemplates(ctx)
	catalog.Check(&resp.Diagnostics, catalog.Value{Attr: path.Root("template_name"), Value: plan.TemplateName,
		What: "a Blue Lobster template", Where: "gpucloud_bluelobster_images"}, templateNames(templates), false, err)
	t := findType(known, plan.InstanceType.ValueString())
	if !typeOK || t == nil {
		return
	}
	if region := plan.Region; !region.IsUnknown() && !slices.Contains(t.Regions, region.ValueString()) {
		resp.Diagnostics.AddAttributeError(path.Root("region"), "No capacity in this region",
			fmt.Sprintf("Blue Lobster has no %s to launch in %q right now. %s", t.Name, region.ValueString(), regionsWithCapacity(t.Regions)))
	}
	catalog.PlanPrice(ctx, &resp.Plan, &resp.Diagnostics,
		catalog.PricePlan{PerHour: t.PriceCentsPerHour / 100, Currency: currency, Known: true}, plan.MaxPricePerHour)
}

func describe(m instanceModel) string {
	return apierr.Describe("Blue Lobster", "instance", m.Name.ValueString())
}

func (r *instanceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, okPlan := crud.Get[instanceModel](ctx, req.Plan, &resp.Diagnostics)
	config, okConfig := crud.Get[instanceModel](ctx, req.Config, &resp.Diagnostics)
	if !okPlan || !okConfig {
		return
	}
	metadata := map[string]string{}
	if !plan.Metadata.IsNull() {
		resp.Diagnostics.Append(plan.Metadata.ElementsAs(ctx, &metadata, false)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Create, instanceCreateTimeout, &resp.Diagnostics)
	defer cancel()
	what := describe(plan)
	body := api.LaunchRequest{
		Region: plan.Region.ValueString(), InstanceType: plan.InstanceType.ValueString(),
		SSHKey: strings.TrimRight(plan.SSHPublicKey.ValueString(), "\r\n"), Name: plan.Name.ValueString(),
		Username: plan.Username.ValueString(), Password: plan.Passwords.Value(config.Passwords), Metadata: metadata,
		TemplateName: plan.TemplateName.ValueString(), ISOURL: plan.ISOURL.ValueString(),
	}
	if err := r.checkPriceNow(ctx, plan); err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	id, launch, err := r.machines().launch(ctx, body, what)
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	// Saved the moment Blue Lobster names the machine, before the task runs.
	state := pending.State(plan)
	state.ID, state.Passwords = types.StringValue(id), plan.Passwords.Stored()
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)

	if err := r.machines().waitLaunched(ctx, id, what, launch); err != nil {
		var none *noMachineError
		if errors.As(err, &none) {
			resp.State.RemoveResource(ctx)
		}
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	if plan.PowerState.ValueString() == powerStopped {
		if err := r.machines().setPower(ctx, id, what, powerStopped); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("shutting down "+what, err))
			return
		}
	}
	if team := plan.TeamID.ValueString(); team != "" {
		if err := r.Client.AssignTeam(ctx, id, team); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("assigning "+what+" to team "+team, err))
			return
		}
	}
	inst, err := r.Client.GetInstance(ctx, id)
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+what, err))
		return
	}
	state = instanceFromAPI(inst, state)
	state.Price = state.Price.Planned(plan.Price)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *instanceResource) machines() machines {
	return machines{client: r.Client, clients: r.Clients}
}

// setTeam assigns the instance to team, or takes it out of its team when
// team is empty.
func (r *instanceResource) setTeam(ctx context.Context, id, team string) error {
	if team == "" {
		return r.Client.RemoveFromTeam(ctx, id)
	}
	return r.Client.AssignTeam(ctx, id, team)
}

func (r *instanceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[instanceModel, api.Instance]{
		What: func(m instanceModel) string { return apierr.Describe("Blue Lobster", "instance", m.ID.ValueString()) },
		Read: func(ctx context.Context, m instanceModel) (*api.Instance, error) {
			return r.Client.ReadInstance(ctx, m.ID.ValueString())
		},
		FromAPI: instanceFromAPI,
	})
}

func (r *instanceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, okPlan := crud.Get[instanceModel](ctx, req.Plan, &resp.Diagnostics)
	state, okState := crud.Get[instanceModel](ctx, req.State, &resp.Diagnostics)
	if !okPlan || !okState {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Update, instanceUpdateTimeout, &resp.Diagnostics)
	defer cancel()
	id, what := state.ID.ValueString(), describe(state)
	if !plan.Name.Equal(state.Name) {
		if err := r.Client.Rename(ctx, id, plan.Name.ValueString()); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("renaming "+what, err))
			return
		}
	}
	if !plan.PowerState.Equal(state.PowerState) {
		if err := r.machines().setPower(ctx, id, what, plan.PowerState.ValueString()); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("setting power_state of "+what, err))
			return
		}
	}
	if !plan.TeamID.IsUnknown() && !plan.TeamID.Equal(state.TeamID) {
		if err := r.setTeam(ctx, id, plan.TeamID.ValueString()); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("changing the team of "+what, err))
			return
		}
	}
	inst, err := r.Client.GetInstance(ctx, id)
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+what, err))
		return
	}
	next := instanceFromAPI(inst, pending.State(plan))
	next.PowerState = plan.PowerState
	resp.Diagnostics.Append(resp.State.Set(ctx, next)...)
}

func (r *instanceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[instanceModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, state.Timeouts.Delete, instanceDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	id, what := state.ID.ValueString(), describe(state)
	if err := r.machines().destroy(ctx, id, what); err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("deleting "+what, err))
	}
}
