package verda

import (
	"context"
	"fmt"
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
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
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
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

var _ resource.ResourceWithModifyPlan = (*volumeResource)(nil)

const (
	volumeTimeout     = 10 * time.Minute
	volumePollFloor   = time.Second
	volumePollCeiling = 10 * time.Second
)

// NewVolumeResource is gpucloud_verda_volume.
func NewVolumeResource() resource.Resource {
	return &volumeResource{Kind: crud.Kind{Name: "verda_volume"}}
}

type volumeResource struct {
	clientHolder
	crud.Kind
}

func (r *volumeResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Verda block volume or shared filesystem. The name and a larger size change in place; " +
			"`instance_ids` attaches and detaches it in place. Verda attaches a volume only to a shut-down instance " +
			"(`power_state = \"stopped\"`): the plan warns when a target instance is running, and apply fails with Verda's message.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "The volume's ID."},
			"name": schema.StringAttribute{
				Required: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				MarkdownDescription: "Name; renamed in place.",
			},
			"size": schema.Int64Attribute{
				Required: true, Validators: []validator.Int64{volumeSize},
				MarkdownDescription: "Size in GB, 1 to 1000000. It can grow in place; Verda cannot shrink a volume, so a smaller size is a plan-time error.",
			},
			"type": schema.StringAttribute{
				Required: true, Validators: []validator.String{stringvalidator.OneOf(volumeTypes...)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				MarkdownDescription: "Volume type such as `NVMe` or `HDD`; see `gpucloud_verda_volume_types`. Changing it replaces the volume.",
			},
			"location_code": schema.StringAttribute{
				Required: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				MarkdownDescription: "Location such as `FIN-01`, the same as the instances it attaches to. Changing it replaces the volume.",
			},
			"instance_ids": schema.SetAttribute{
				Optional: true, Computed: true, ElementType: types.StringType,
				Validators:    []validator.Set{setvalidator.ValueStringsAre(validate.UUID())},
				PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
				MarkdownDescription: "The instances the volume is attached to, changed in place: one for a block volume, several " +
					"for a shared filesystem (a type whose `is_shared_fs` is true in `gpucloud_verda_volume_types`, such as " +
					"`NVMe_Shared`; checked at plan). Verda detaches a volume from all its instances at once, so taking one " +
					"instance away detaches the volume and attaches it again to the rest. Unset leaves attachments made by " +
					"others (such as `gpucloud_verda_instance.existing_volume_ids`); `[]` detaches it.",
			},
			"source_volume_id": schema.StringAttribute{
				Optional: true, Validators: []validator.String{validate.UUID()},
				PlanModifiers: []planmodifier.String{planmod.ReplaceOrAdoptString()},
				MarkdownDescription: "A volume to clone: the new volume starts as a copy of it (Verda's `clone` action), in " +
					"`location_code` and of `type`, then grows to `size`, which may not be smaller than the source's (checked at " +
					"plan). Unset by default: an empty volume. Verda does not report a volume's source, so an imported volume " +
					"keeps what the configuration says.",
			},
			"tags": tagsAttribute("volume"),
			"delete_permanently": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
				MarkdownDescription: "What destroy does: `false` (default) moves the volume to the trash, where it can be " +
					"restored for 96 hours before it is gone; `true` deletes it and its data at once.",
			},
			"timeouts":     sharedschema.Timeouts(ctx, volumeTimeout, volumeTimeout, volumeTimeout),
			"status":       schema.StringAttribute{Computed: true, MarkdownDescription: "Verda's status, such as `attached` or `detached`."},
			"is_os_volume": schema.BoolAttribute{Computed: true, PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}, MarkdownDescription: "Whether it is an instance's OS volume."},
			"created_at":   schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "When it was created."},
			"mount_command": schema.StringAttribute{
				Computed: true, PlanModifiers: keep, MarkdownDescription: "The command that mounts it on an instance, as Verda gives it.",
			},
			"pseudo_path": schema.StringAttribute{
				Computed: true, PlanModifiers: keep, MarkdownDescription: "The filesystem's unique path on Verda's storage, such as `volume-84Ca37Jf`.",
			},
			"create_directory_command": schema.StringAttribute{
				Computed: true, PlanModifiers: keep, MarkdownDescription: "The command that creates its mount point, for cloud-init, as Verda gives it.",
			},
			"filesystem_to_fstab_command": schema.StringAttribute{
				Computed: true, PlanModifiers: keep, MarkdownDescription: "The command that adds it to `/etc/fstab` once, for cloud-init, as Verda gives it.",
			},
			"monthly_price": schema.Float64Attribute{Computed: true, MarkdownDescription: "Price per month for its size."},
			"currency":      schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "Currency of the price."},
		},
	}
	planmod.NoteReplacements(ctx, &resp.Schema, "volume")
}

// ModifyPlan warns about volumes that already bear a new one's name, refuses
// a smaller size and warns about attaching to a running instance, both of
// which Verda would refuse during apply.
func (r *volumeResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if name, ok := adopt.Creating(ctx, req, "name"); ok && r.Client != nil {
		adopt.WarnExisting(ctx, &resp.Diagnostics, path.Root("name"), "gpucloud_verda_volume", apierr.Describe("Verda", "volume", name),
			adopt.Existing(r.Client.Volumes, func(v api.Volume) bool { return v.Name == name && !v.IsOSVolume }, volumeCandidate))
	}
	plan, ok := crud.Get[volumeModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	if req.State.Raw.IsNull() && r.Client != nil && !plan.SourceVolumeID.IsNull() && !plan.SourceVolumeID.IsUnknown() {
		r.checkSource(ctx, plan, resp)
	}
	if req.State.Raw.IsNull() && r.Client != nil {
		locations, err := r.Client.KnownLocations(ctx)
		catalog.Check(&resp.Diagnostics, catalog.Value{Attr: path.Root("location_code"), Value: plan.LocationCode,
			What: "a Verda location", Where: "gpucloud_verda_locations"}, locationCodes(locations), false, err)
	}
	var prior []string
	if !req.State.Raw.IsNull() {
		var state volumeModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if resp.Diagnostics.HasError() {
			return
		}
		if !plan.Size.IsUnknown() && plan.Size.ValueInt64() < state.Size.ValueInt64() {
			resp.Diagnostics.AddAttributeError(path.Root("size"), "Verda volumes cannot shrink",
				fmt.Sprintf("size can only grow: it is %d GB and the configuration asks for %d GB. To get a smaller volume, create a new one and copy the data.",
					state.Size.ValueInt64(), plan.Size.ValueInt64()))
		}
		prior, _ = stringSet(ctx, state.InstanceIDs)
	}
	if resp.Diagnostics.HasError() || r.Client == nil || plan.InstanceIDs.IsUnknown() {
		return
	}
	// Counted with unknown IDs too: instances created in the same apply.
	if n := len(plan.InstanceIDs.Elements()); n > 1 && !plan.Type.IsUnknown() && !r.isSharedFS(ctx, plan.Type.ValueString()) {
		resp.Diagnostics.AddAttributeError(path.Root("instance_ids"), "Only a shared filesystem attaches to several instances",
			fmt.Sprintf("instance_ids names %d instances, but type = %q attaches to one. Use a type whose is_shared_fs is true "+
				"(see gpucloud_verda_volume_types), such as NVMe_Shared, or one volume per instance.", n, plan.Type.ValueString()))
		return
	}
	wanted, _ := stringSet(ctx, plan.InstanceIDs)
	for _, id := range wanted {
		if slices.Contains(prior, id) {
			continue
		}
		inst, err := r.Client.ReadInstance(ctx, id)
		if err == nil && inst.Status != api.StatusOffline {
			resp.Diagnostics.AddAttributeWarning(path.Root("instance_ids"), "Instance is not shut down",
				fmt.Sprintf("Verda attaches volumes only to shut-down instances, and instance %q (%s) is %s now. "+
					"Unless this apply shuts it down first (power_state = \"stopped\"), attaching will fail.", inst.Hostname, id, inst.Status))
		}
	}
}

// checkSource fails the plan of a clone whose source does not exist or is
// larger than the size asked for.
func (r *volumeResource) checkSource(ctx context.Context, plan volumeModel, resp *resource.ModifyPlanResponse) {
	src, err := r.Client.ReadVolume(ctx, plan.SourceVolumeID.ValueString())
	switch {
	case transport.IsNotFound(err) || err == nil && src.Status == api.VolumeDeleted:
		resp.Diagnostics.AddAttributeError(path.Root("source_volume_id"), "No such volume",
			fmt.Sprintf("source_volume_id = %q: Verda has no volume with this ID outside the trash; see gpucloud_verda_volumes.", plan.SourceVolumeID.ValueString()))
	case err != nil:
		resp.Diagnostics.AddAttributeWarning(path.Root("source_volume_id"), "Source volume not checked", err.Error())
	case !plan.Size.IsUnknown() && plan.Size.ValueInt64() < src.Size:
		resp.Diagnostics.AddAttributeError(path.Root("size"), "Clone smaller than its source",
			fmt.Sprintf("size = %d: a clone of volume %q is at least its %d GB.", plan.Size.ValueInt64(), src.Name, src.Size))
	}
}

// isSharedFS: Verda's catalogue says the type is a shared filesystem; when
// the catalogue cannot be read, the type's name says it.
func (r *volumeResource) isSharedFS(ctx context.Context, typ string) bool {
	known, err := r.Client.KnownVolumeTypes(ctx)
	if err != nil {
		return strings.Contains(typ, "_Shared")
	}
	return slices.ContainsFunc(known, func(t api.VolumeType) bool { return t.Type == typ && t.IsSharedFS })
}

func (r *volumeResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[volumeModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	targets, d := stringSet(ctx, plan.InstanceIDs)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Create, volumeTimeout, &resp.Diagnostics)
	defer cancel()

	name, location := plan.Name.ValueString(), plan.LocationCode.ValueString()
	what := apierr.Describe("Verda", "volume", name)
	body := api.CreateVolumeRequest{Type: plan.Type.ValueString(), LocationCode: location, Size: plan.Size.ValueInt64(), Name: name,
		InstanceIDs: targets, Tags: tagSpecs(ctx, plan.Tags)}
	var token string
	body.Tags, token = withCreationToken(body.Tags)
	create := func(ctx context.Context) (string, error) { return r.Client.CreateVolume(ctx, body) }
	source := plan.SourceVolumeID.ValueString()
	if source != "" {
		src, err := r.Client.GetVolume(ctx, source)
		if err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("reading the volume to clone for "+what, err))
			return
		}
		// A clone starts at its source's size and is attached afterwards; the
		// clone action takes no tags, so it carries no token.
		body.Size, body.InstanceIDs, token = src.Size, nil, ""
		create = func(ctx context.Context) (string, error) {
			return r.Client.CloneVolume(ctx, source, api.CloneVolumeRequest{Name: name, LocationCode: location, Type: body.Type})
		}
	}
	id, err := adopt.Create(ctx, adopt.Kind{Claims: r.Clients.Claims, Resource: "gpucloud_verda_volume", What: what, Token: token,
		Matching: adopt.Matching(r.Client.Volumes, createdVolume(body), volumeCandidate)}, create)
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	state := pending.State(plan)
	state.ID = types.StringValue(id)
	if plan.InstanceIDs.IsUnknown() {
		state.InstanceIDs = types.SetValueMust(types.StringType, nil)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)

	target := api.VolumeDetached
	if len(body.InstanceIDs) > 0 {
		target = api.VolumeAttached
	}
	v, err := r.waitFor(ctx, id, what, target)
	if v != nil {
		state = volumeFromAPI(v, state)
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	if source != "" {
		r.finishClone(ctx, id, what, plan, targets, state, resp)
	}
}

// finishClone grows a clone to the size asked for and attaches it.
func (r *volumeResource) finishClone(ctx context.Context, id, what string, plan volumeModel, targets []string, state volumeModel, resp *resource.CreateResponse) {
	act := func(doing string, req api.VolumeActionRequest, status string) bool {
		req.ID = []string{id}
		err := r.Client.VolumeAction(ctx, req)
		if err == nil {
			_, err = r.waitFor(ctx, id, what, status)
		}
		if err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic(doing+" "+what, err))
		}
		return err == nil
	}
	if plan.Size.ValueInt64() > state.Size.ValueInt64() &&
		!act("growing the clone", api.VolumeActionRequest{Action: api.VolumeActionResize, Size: plan.Size.ValueInt64()}, api.VolumeDetached) {
		return
	}
	if len(targets) > 0 && !act("attaching the clone", attachRequest(targets), api.VolumeAttached) {
		return
	}
	// A clone action carries no tags: they are linked afterwards.
	if err := syncTags(ctx, r.Client, api.TaggedVolumes, id, nil, plan.Tags); err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("tagging the clone "+what, err))
		return
	}
	v, err := r.Client.GetVolume(ctx, id)
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+what, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, volumeFromAPI(v, state))...)
}

func (r *volumeResource) waitFor(ctx context.Context, id, what, target string) (*api.Volume, error) {
	floor, ceiling := r.Clients.Poll(volumePollFloor, volumePollCeiling)
	return r.Client.WaitVolume(ctx, id, wait.Options{
		Object: fmt.Sprintf("%s (%s)", what, id), Target: []string{target}, Failure: []string{api.VolumeDeleted, api.VolumeCanceled},
		Floor: floor, Ceiling: ceiling,
	}, func(v *api.Volume) wait.Observation { return wait.Observation{State: v.Status} })
}

func (r *volumeResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[volumeModel, api.Volume]{
		What: func(m volumeModel) string { return apierr.Describe("Verda", "volume", m.ID.ValueString()) },
		Read: func(ctx context.Context, m volumeModel) (*api.Volume, error) {
			return r.Client.ReadVolume(ctx, m.ID.ValueString())
		},
		Gone:    func(v *api.Volume) bool { return v.Status == api.VolumeDeleted },
		FromAPI: volumeFromAPI,
	})
}

func (r *volumeResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, okPlan := crud.Get[volumeModel](ctx, req.Plan, &resp.Diagnostics)
	state, okState := crud.Get[volumeModel](ctx, req.State, &resp.Diagnostics)
	if !okPlan || !okState {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Update, volumeTimeout, &resp.Diagnostics)
	defer cancel()
	id, what := state.ID.ValueString(), apierr.Describe("Verda", "volume", state.Name.ValueString())
	act := func(doing string, req api.VolumeActionRequest) bool {
		req.ID = []string{id}
		if err := r.Client.VolumeAction(ctx, req); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic(doing+" "+what, err))
			return false
		}
		return true
	}
	// Compared with the volume as it is now, not as planned against: a
	// rename at the console between plan and apply is undone as well.
	current, err := r.Client.GetVolume(ctx, id)
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+what, err))
		return
	}
	if !plan.Tags.IsUnknown() && !plan.Tags.Equal(state.Tags) {
		if err := syncTags(ctx, r.Client, api.TaggedVolumes, id, current.Tags, plan.Tags); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("changing the tags of "+what, err))
			return
		}
	}
	if current.Name != plan.Name.ValueString() && !act("renaming", api.VolumeActionRequest{Action: api.VolumeActionRename, Name: plan.Name.ValueString()}) {
		return
	}
	if plan.Size.ValueInt64() > current.Size && !act("resizing", api.VolumeActionRequest{Action: api.VolumeActionResize, Size: plan.Size.ValueInt64()}) {
		return
	}
	if !plan.InstanceIDs.IsUnknown() && !plan.InstanceIDs.Equal(state.InstanceIDs) {
		before, _ := stringSet(ctx, state.InstanceIDs)
		after, _ := stringSet(ctx, plan.InstanceIDs)
		attach := slices.DeleteFunc(slices.Clone(after), func(id string) bool { return slices.Contains(before, id) })
		if slices.ContainsFunc(before, func(id string) bool { return !slices.Contains(after, id) }) {
			// Verda detaches from every instance at once; the ones kept are attached again.
			if !act("detaching", api.VolumeActionRequest{Action: api.VolumeActionDetach}) {
				return
			}
			if _, err := r.waitFor(ctx, id, what, api.VolumeDetached); err != nil {
				resp.Diagnostics.Append(apierr.Diagnostic("detaching "+what, err))
				return
			}
			attach = after
		}
		if len(attach) > 0 {
			if !act("attaching", attachRequest(attach)) {
				return
			}
			if _, err := r.waitFor(ctx, id, what, api.VolumeAttached); err != nil {
				resp.Diagnostics.Append(apierr.Diagnostic("attaching "+what, err))
				return
			}
		}
	}
	v, err := r.Client.GetVolume(ctx, id)
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+what, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, volumeFromAPI(v, plan))...)
}

// attachRequest attaches to one instance as the document's instance_id, to
// several as its instance_ids.
func attachRequest(targets []string) api.VolumeActionRequest {
	if len(targets) == 1 {
		return api.VolumeActionRequest{Action: api.VolumeActionAttach, InstanceID: targets[0]}
	}
	return api.VolumeActionRequest{Action: api.VolumeActionAttach, InstanceIDs: targets}
}

func (r *volumeResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[volumeModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, state.Timeouts.Delete, volumeTimeout, &resp.Diagnostics)
	defer cancel()
	id, what := state.ID.ValueString(), apierr.Describe("Verda", "volume", state.Name.ValueString())
	v, err := r.Client.GetVolume(ctx, id)
	if transport.IsNotFound(err) || err == nil && v.Status == api.VolumeDeleted && !state.DeletePermanently.ValueBool() {
		return
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("deleting "+what, err))
		return
	}
	if len(v.AttachedTo()) > 0 {
		if err := r.Client.VolumeAction(ctx, api.VolumeActionRequest{Action: api.VolumeActionDetach, ID: []string{id}}); err != nil && !transport.IsNotFound(err) {
			resp.Diagnostics.Append(apierr.Diagnostic("detaching "+what+" before deleting it", err))
			return
		}
		if _, err := r.waitFor(ctx, id, what, api.VolumeDetached); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("detaching "+what+" before deleting it", err))
			return
		}
	}
	err = r.Client.DeleteVolume(ctx, id, state.DeletePermanently.ValueBool())
	if err != nil && !transport.IsNotFound(err) {
		resp.Diagnostics.Append(apierr.Diagnostic("deleting "+what, err))
	}
}
