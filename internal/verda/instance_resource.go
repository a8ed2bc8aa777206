package verda

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/catalog"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/pending"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

var (
	_ resource.ResourceWithModifyPlan     = (*instanceResource)(nil)
	_ resource.ResourceWithValidateConfig = (*instanceResource)(nil)
)

// Verda documents deploys of a few minutes; the defaults leave room for slow days.
const (
	instanceCreateTimeout = 30 * time.Minute
	instanceUpdateTimeout = 15 * time.Minute
	instanceDeleteTimeout = 15 * time.Minute
	pollFloor             = 2 * time.Second
	pollCeiling           = 20 * time.Second
)

var hostnamePattern = regexp.MustCompile(`^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$`)

// NewInstanceResource is gpucloud_verda_instance.
func NewInstanceResource() resource.Resource {
	return &instanceResource{Kind: crud.Kind{Name: "verda_instance"}}
}

type instanceResource struct {
	clientHolder
	crud.Kind
}

func (r *instanceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replaceString := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keep := func() []planmodifier.String { return []planmodifier.String{stringplanmodifier.UseStateForUnknown()} }
	keepInt := []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	computedString := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc, PlanModifiers: keep()}
	}
	computedInt := func(desc string) schema.Attribute {
		return schema.Int64Attribute{Computed: true, MarkdownDescription: desc, PlanModifiers: keepInt}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Verda GPU or CPU instance. Create waits until it is `running`; a deploy that ends in `error`, " +
			"`no_capacity`, `installation_failed`, `notfound` or `discontinued` fails with that state and leaves the instance " +
			"in state as tainted, so the next apply replaces it and nothing is billed outside Terraform. " +
			"`power_state` starts and shuts down the instance in place; everything else Verda fixes at deploy time, so " +
			"changing it replaces the instance.\n\n" +
			"Destroying many instances at once sends their deletes together, several to one request (those whose " +
			"`volumes_on_destroy` deletes volumes of their own go alone); an instance Verda refuses to delete fails on " +
			"its own and stays in state, and each delete is done when Verda's instance list no longer shows it.\n\n" +
			"~> A shut-down instance is still billed. Destroy it to stop paying; what happens to its volumes is " +
			"`volumes_on_destroy`.",
		Attributes: map[string]schema.Attribute{
			"id": computedString("The instance's ID."),
			"instance_type": schema.StringAttribute{
				Required: true, PlanModifiers: replaceString,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				MarkdownDescription: "Instance type such as `1H100.80S.22V`; see `gpucloud_verda_instance_types`.",
			},
			"image": schema.StringAttribute{
				Required: true, PlanModifiers: replaceString,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				MarkdownDescription: "An image type such as `ubuntu-24.04` (see `gpucloud_verda_images`), or the ID of a detached OS " +
					"volume to boot from. Kept as written even when Verda reports the image by its ID.",
			},
			"hostname": schema.StringAttribute{
				Required: true, PlanModifiers: replaceString,
				Validators: []validator.String{stringvalidator.RegexMatches(hostnamePattern,
					"must be 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit")},
				MarkdownDescription: "Hostname, also the instance's name in the console: 1 to 63 letters, digits and hyphens, " +
					"starting and ending with a letter or digit (checked at plan). A plan warns when the project already has an " +
					"instance with this hostname.",
			},
			"description": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(""), PlanModifiers: replaceString,
				MarkdownDescription: "Free-text description. Defaults to empty.",
			},
			"location_code": schema.StringAttribute{
				Required: true, PlanModifiers: replaceString,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				MarkdownDescription: "Location such as `FIN-01`; see `gpucloud_verda_locations`. New volumes are created there too.",
			},
			"ssh_key_ids": schema.SetAttribute{
				Optional: true, ElementType: types.StringType, Validators: []validator.Set{setvalidator.ValueStringsAre(validate.UUID())},
				PlanModifiers:       []planmodifier.Set{setplanmodifier.RequiresReplace()},
				MarkdownDescription: "IDs of `gpucloud_verda_ssh_key`s that may log in as root.",
			},
			"startup_script_id": schema.StringAttribute{
				Optional: true, PlanModifiers: replaceString,
				MarkdownDescription: "ID of a `gpucloud_verda_startup_script` to run on first boot.",
			},
			"is_spot": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.RequiresReplace()},
				MarkdownDescription: "Deploy a spot instance: cheaper, and Verda may evict it at any time. Defaults to `false`.",
			},
			"contract": schema.StringAttribute{
				Optional: true, Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplaceIfConfigured()},
				Validators:    []validator.String{stringvalidator.OneOf(contracts...)},
				MarkdownDescription: "Billing contract: `PAY_AS_YOU_GO`, `LONG_TERM` or `SPOT`. Verda chooses when unset " +
					"(pay as you go, or spot for spot instances); the value it chose is reported here.",
			},
			"coupon": schema.StringAttribute{
				Optional: true, PlanModifiers: []planmodifier.String{planmod.ReplaceOrAdoptString()},
				MarkdownDescription: "Coupon code to apply at deploy. Verda does not report it back.",
			},
			"os_volume": schema.SingleNestedAttribute{
				Optional:            true,
				PlanModifiers:       []planmodifier.Object{planmod.ReplaceOrAdoptObject()},
				MarkdownDescription: "Name, size and spot policy of the new OS volume, when `image` is an image type. Verda does not report these back.",
				Attributes: map[string]schema.Attribute{
					"name": schema.StringAttribute{Optional: true, MarkdownDescription: "OS volume name; Verda makes one up when unset."},
					"size": schema.Int64Attribute{
						Optional: true, Validators: []validator.Int64{volumeSize},
						MarkdownDescription: "OS volume size in GB, 1 to 1000000.",
					},
					"on_spot_discontinue": schema.StringAttribute{
						Optional: true, Validators: []validator.String{stringvalidator.OneOf(spotPolicies...)},
						MarkdownDescription: "For spot instances, what happens to the volume when Verda discontinues the instance: " +
							"`keep_detached` (Verda's default), `move_to_trash` (deleted after 96 hours) or `delete_permanently`.",
					},
				},
			},
			"volumes": schema.ListNestedAttribute{
				Optional:            true,
				PlanModifiers:       []planmodifier.List{planmod.ReplaceOrAdoptList()},
				MarkdownDescription: "Additional volumes to create with the instance and attach to it. Their IDs are `new_volume_ids`.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name": schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}, MarkdownDescription: "Volume name."},
					"size": schema.Int64Attribute{Required: true, Validators: []validator.Int64{volumeSize}, MarkdownDescription: "Size in GB, 1 to 1000000."},
					"type": schema.StringAttribute{
						Required: true, Validators: []validator.String{stringvalidator.OneOf(volumeTypes...)},
						MarkdownDescription: "Volume type, such as `NVMe`; see `gpucloud_verda_volume_types`.",
					},
					"on_spot_discontinue": schema.StringAttribute{
						Optional: true, Validators: []validator.String{stringvalidator.OneOf(spotPolicies...)},
						MarkdownDescription: "As for `os_volume`.",
					},
				}},
			},
			"existing_volume_ids": schema.SetAttribute{
				Optional: true, ElementType: types.StringType, Validators: []validator.Set{setvalidator.ValueStringsAre(validate.UUID())},
				PlanModifiers: []planmodifier.Set{planmod.ReplaceOrAdoptSet()},
				MarkdownDescription: "IDs of detached volumes in the same location to attach at deploy. To attach volumes to a " +
					"running setup later, use `gpucloud_verda_volume.instance_ids` instead; do not use both for one volume.",
			},
			"power_state": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(powerRunning),
				Validators: []validator.String{stringvalidator.OneOf(powerRunning, powerStopped)},
				MarkdownDescription: "`running` or `stopped`, changed in place by starting or shutting down the instance. " +
					"A stopped instance is still billed. Defaults to `running`.",
			},
			"tags": tagsAttribute("instance"),
			"volumes_on_destroy": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(volumesTrashOS),
				Validators: []validator.String{stringvalidator.OneOf(volumesChoices...)},
				MarkdownDescription: "What destroying the instance does with the volumes it created (its OS volume and " +
					"`new_volume_ids`). Volumes attached from elsewhere are always detached and kept.\n" +
					"  - `trash_os_volume` (default, what Verda does): the OS volume goes to the trash, where it can be restored " +
					"for 96 hours and then is gone; the new volumes are detached and kept, and still billed.\n" +
					"  - `keep_detached`: every volume is detached and kept, and still billed. Nothing is lost.\n" +
					"  - `move_to_trash`: the OS volume and the new volumes go to the trash; their data is gone after 96 hours.\n" +
					"  - `delete_permanently`: the OS volume and the new volumes are deleted at once. Their data cannot be recovered.\n" +
					"Changing it only changes what a later destroy does.",
			},
			"timeouts": sharedschema.Timeouts(ctx, instanceCreateTimeout, instanceUpdateTimeout, instanceDeleteTimeout),

			"status":       schema.StringAttribute{Computed: true, MarkdownDescription: "Verda's status, such as `running` or `offline`."},
			"ip":           schema.StringAttribute{Computed: true, MarkdownDescription: "Public IPv4 address, once Verda assigned one."},
			"os_volume_id": computedString("ID of the OS volume."),
			"new_volume_ids": schema.ListAttribute{
				Computed: true, ElementType: types.StringType, PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
				MarkdownDescription: "IDs of the volumes created from `volumes`, in the same order.",
			},
			"volume_ids": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				MarkdownDescription: "IDs of every volume attached now, the OS volume first.",
			},
			"os_name":         computedString("Operating system, as Verda names it."),
			"cpu_cores":       computedInt("vCPUs."),
			"cpu_description": computedString("CPU description."),
			"gpu_count":       computedInt("GPUs."),
			"gpu_description": computedString("GPU description, such as `1x H100 SXM5 80GB`."),
			"gpu_memory_gb":   computedInt("GPU memory in GB."),
			"memory_gb":       computedInt("RAM in GB."),
			"jupyter_token": schema.StringAttribute{
				Computed: true, Sensitive: true, PlanModifiers: keep(),
				MarkdownDescription: "Token of the instance's Jupyter server.",
			},
			"created_at": computedString("When the instance was created (RFC 3339)."),
		},
	}
	sharedschema.Merge(resp.Schema.Attributes, sharedschema.PriceAttributes("the instance type's price, or its spot price for a spot instance"))
	planmod.NoteReplacements(ctx, &resp.Schema, "instance")
}

func (r *instanceResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	m, ok := crud.Get[instanceModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	if m.IsSpot.IsUnknown() || m.IsSpot.ValueBool() {
		return
	}
	if m.OSVolume != nil && !m.OSVolume.OnSpotDiscontinue.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("os_volume").AtName("on_spot_discontinue"), "Spot policy on a non-spot instance",
			"on_spot_discontinue only applies to spot instances; set is_spot = true or remove it.")
	}
	for i, v := range m.Volumes {
		if !v.OnSpotDiscontinue.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root("volumes").AtListIndex(i).AtName("on_spot_discontinue"), "Spot policy on a non-spot instance",
				"on_spot_discontinue only applies to spot instances; set is_spot = true or remove it.")
		}
	}
}

// ModifyPlan warns about instances that already bear a new one's hostname,
// and replaces an instance that Verda reports failed or discontinued: it
// cannot be started again.
func (r *instanceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if hostname, ok := adopt.Creating(ctx, req, "hostname"); ok && r.Client != nil {
		adopt.WarnExisting(ctx, &resp.Diagnostics, path.Root("hostname"), "gpucloud_verda_instance", apierr.Describe("Verda", "instance", hostname),
			adopt.Existing(r.Client.Instances, func(i api.Instance) bool { return i.Hostname == hostname }, instanceCandidate))
	}
	if req.State.Raw.IsNull() {
		r.checkCatalogue(ctx, req, resp)
		return
	}
	// After an import, which volumes the deploy created is learnt from the
	// configuration's volumes on the first apply.
	var created types.List
	var specs []volumeSpec
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("new_volume_ids"), &created)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("volumes"), &specs)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if created.IsNull() && len(specs) > 0 {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("new_volume_ids"), types.ListUnknown(types.StringType))...)
	}
	var status types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("status"), &status)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if slices.Contains(api.DeployFailures, status.ValueString()) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("status"), types.StringUnknown())...)
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("status"))
	}
}

// checkCatalogue fails the plan of a new instance whose type, location or
// image Verda does not offer, or whose type is not deployable at its
// location now, and plans its price from the instance types.
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
		What: "an instance type Verda offers", Where: "gpucloud_verda_instance_types"}, instanceTypeNames(known), false, err)
	locations, err := r.Client.KnownLocations(ctx)
	locationOK := catalog.Check(&resp.Diagnostics, catalog.Value{Attr: path.Root("location_code"), Value: plan.LocationCode,
		What: "a Verda location", Where: "gpucloud_verda_locations"}, locationCodes(locations), false, err)
	// image also takes the ID of an OS volume.
	if !validate.IsUUID(plan.Image.ValueString()) {
		images, err := r.Client.KnownImages(ctx)
		catalog.Check(&resp.Diagnostics, catalog.Value{Attr: path.Root("image"), Value: plan.Image,
			What: "an image type Verda offers, nor the ID of an OS volume", Where: "gpucloud_verda_images"}, imageTypes(images), false, err)
	}
	spot := plan.IsSpot.ValueBool()
	if typeOK && locationOK && !plan.InstanceType.IsUnknown() && !plan.LocationCode.IsUnknown() && !plan.IsSpot.IsUnknown() {
		avail, err := r.Client.KnownAvailability(ctx, spot)
		if err == nil {
			if at := offeredAt(avail, plan.InstanceType.ValueString()); !slices.Contains(at, plan.LocationCode.ValueString()) {
				resp.Diagnostics.AddAttributeError(path.Root("instance_type"), "Instance type not deployable at this location",
					fmt.Sprintf("Verda has no %s %s to deploy at %s right now. %s", contractName(spot), plan.InstanceType.ValueString(),
						plan.LocationCode.ValueString(), whereOffered(at)))
			}
		}
	}
	if t := findType(known, plan.InstanceType.ValueString()); t != nil && !plan.IsSpot.IsUnknown() {
		price := float64(t.PricePerHour)
		if spot {
			price = float64(t.SpotPrice)
		}
		catalog.PlanPrice(ctx, &resp.Plan, &resp.Diagnostics,
			catalog.PricePlan{PerHour: price, Currency: strings.ToUpper(t.Currency), Known: !spot || price > 0}, plan.MaxPricePerHour)
	}
}

func (r *instanceResource) describe(m instanceModel) string {
	return apierr.Describe("Verda", "instance", m.Hostname.ValueString())
}

func (r *instanceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[instanceModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	body, d := plan.deployRequest(ctx)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Create, instanceCreateTimeout, &resp.Diagnostics)
	defer cancel()

	what := r.describe(plan)
	if err := r.checkPriceNow(ctx, plan); err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	id, err := r.machines().deploy(ctx, body, what)
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	// Saved before any wait: if the wait fails, Terraform keeps the instance
	// as tainted instead of losing a billed machine.
	state := pending.State(plan)
	state.ID = types.StringValue(id)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)

	inst, err := r.machines().waitFor(ctx, id, what, api.StatusRunning)
	if inst != nil {
		existing, _ := stringSet(ctx, plan.ExistingVolumeIDs)
		state.NewVolumeIDs = stringList(newVolumeIDs(inst, existing))
		state = instanceFromAPI(inst, state)
		state.Price = state.Price.Planned(plan.Price)
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	if plan.PowerState.ValueString() == powerStopped {
		inst, err = r.machines().setPower(ctx, id, what, powerStopped)
		if inst != nil {
			state = instanceFromAPI(inst, state)
			state.Price = state.Price.Planned(plan.Price)
			resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		}
		if err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("shutting down "+what, err))
		}
	}
}

// checkPriceNow refuses a create whose price rose above max_price_per_hour
// since the plan, reading the instance types afresh. A list that cannot
// be read leaves the decision to the plan's check.
func (r *instanceResource) checkPriceNow(ctx context.Context, plan instanceModel) error {
	if plan.MaxPricePerHour.IsNull() {
		return nil
	}
	current, err := r.Client.ListInstanceTypes(ctx)
	t := findType(current, plan.InstanceType.ValueString())
	if err != nil || t == nil {
		return nil
	}
	price := float64(t.PricePerHour)
	if plan.IsSpot.ValueBool() {
		price = float64(t.SpotPrice)
	}
	if plan.Above(price) {
		return catalog.PriceRose(price, strings.ToUpper(t.Currency), plan.MaxPricePerHour.ValueFloat64())
	}
	return nil
}

func (r *instanceResource) machines() machines {
	return machines{client: r.Client, clients: r.Clients}
}

func (r *instanceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[instanceModel, api.Instance]{
		What: func(m instanceModel) string { return apierr.Describe("Verda", "instance", m.ID.ValueString()) },
		Read: func(ctx context.Context, m instanceModel) (*api.Instance, error) {
			return r.Client.ReadInstance(ctx, m.ID.ValueString())
		},
		FromAPI: func(inst *api.Instance, state instanceModel) instanceModel {
			if state.Image.IsNull() {
				// Imported: Verda may report the image by ID; show the image type it stands for.
				state.Image = types.StringValue(r.imageType(ctx, inst.Image))
			}
			m := instanceFromAPI(inst, state)
			if m.Currency.IsNull() {
				// Imported: the instance does not say; its type does.
				known, _ := r.Client.KnownInstanceTypes(ctx)
				if t := findType(known, inst.InstanceType); t != nil {
					m.Currency = types.StringValue(strings.ToUpper(t.Currency))
				}
			}
			return m
		},
	})
}

// imageType maps an image ID to its image type; anything else is kept.
func (r *instanceResource) imageType(ctx context.Context, image string) string {
	images, err := r.Client.ListImages(ctx)
	if err != nil {
		return image
	}
	for _, i := range images {
		if i.ID == image {
			return i.ImageType
		}
	}
	return image
}

func (r *instanceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, okPlan := crud.Get[instanceModel](ctx, req.Plan, &resp.Diagnostics)
	state, okState := crud.Get[instanceModel](ctx, req.State, &resp.Diagnostics)
	if !okPlan || !okState {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Update, instanceUpdateTimeout, &resp.Diagnostics)
	defer cancel()

	id, what := state.ID.ValueString(), r.describe(state)
	var inst *api.Instance
	var err error
	if !plan.PowerState.Equal(state.PowerState) {
		inst, err = r.machines().setPower(ctx, id, what, plan.PowerState.ValueString())
		if err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic(fmt.Sprintf("setting power_state of %s to %s", what, plan.PowerState.ValueString()), err))
			return
		}
	} else if inst, err = r.Client.ReadInstance(ctx, id); err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+what, err))
		return
	}
	if !plan.Tags.IsUnknown() && !plan.Tags.Equal(state.Tags) {
		if err := syncTags(ctx, r.Client, api.TaggedInstances, id, inst.Tags, plan.Tags); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("changing the tags of "+what, err))
			return
		}
		if inst, err = r.Client.GetInstance(ctx, id); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("reading "+what, err))
			return
		}
	}
	if plan.NewVolumeIDs.IsUnknown() {
		created, err := r.createdVolumes(ctx, inst, plan.Volumes)
		if err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("reading the volumes of "+what, err))
			return
		}
		plan.NewVolumeIDs = stringList(created)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, instanceFromAPI(inst, pending.State(plan)))...)
}

// createdVolumes finds, for an imported instance, the attached volumes that
// its deploy created from specs: those that bear a spec's name, in the
// specs' order. Volumes attached later under other names are not its own.
func (r *instanceResource) createdVolumes(ctx context.Context, inst *api.Instance, specs []volumeSpec) ([]string, error) {
	byName := map[string][]string{}
	for _, id := range inst.VolumeIDs {
		if id == inst.OSVolumeID {
			continue
		}
		v, err := r.Client.ReadVolume(ctx, id)
		if err != nil {
			return nil, err
		}
		byName[v.Name] = append(byName[v.Name], id)
	}
	out := []string{}
	for _, spec := range specs {
		if ids := byName[spec.Name.ValueString()]; len(ids) > 0 {
			out, byName[spec.Name.ValueString()] = append(out, ids[0]), ids[1:]
		}
	}
	return out, nil
}

func (r *instanceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[instanceModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, state.Timeouts.Delete, instanceDeleteTimeout, &resp.Diagnostics)
	defer cancel()

	var created []string
	resp.Diagnostics.Append(state.NewVolumeIDs.ElementsAs(ctx, &created, false)...)
	id, what := state.ID.ValueString(), r.describe(state)
	action := destroyAction(id, state.VolumesOnDestroy.ValueString(), state.OSVolumeID.ValueString(), created)
	if err := r.machines().destroy(ctx, id, what, action); err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("deleting "+what, err))
	}
}
