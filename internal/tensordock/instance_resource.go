package tensordock

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
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
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

var (
	_ resource.ResourceWithConfigValidators = (*instanceResource)(nil)
	_ resource.ResourceWithValidateConfig   = (*instanceResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*instanceResource)(nil)
)

const (
	createTimeout = 20 * time.Minute
	updateTimeout = 20 * time.Minute
	deleteTimeout = 10 * time.Minute
	pollFloor     = 2 * time.Second
	pollCeiling   = 15 * time.Second
	// waitingForIP marks a running instance whose IP has not appeared yet;
	// TensorDock assigns it seconds after the instance runs.
	waitingForIP = "running (no IP yet)"
)

// NewInstanceResource is gpucloud_tensordock_instance.
func NewInstanceResource() resource.Resource {
	return &instanceResource{Kind: crud.Kind{Name: "tensordock_instance"}}
}

type instanceResource struct {
	clientHolder
	crud.Kind
}

func (r *instanceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{planmod.ReplaceOrAdoptString()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A TensorDock virtual machine on a hostnode, or in a location where TensorDock picks the hostnode. " +
			"Create waits until it runs and has an IP. `power_state` starts and stops it in place; vCPUs, RAM, storage and " +
			"GPUs are resized in place (TensorDock resizes only stopped machines, so a running one is stopped, resized " +
			"and started again). Everything else is fixed at creation.\n\n" +
			"TensorDock does not report `image`, `hostnode_id`, `location_id`, SSH keys, `cloud_init` or the ports asked " +
			"for; after an import they are taken from the configuration without replacing the machine. So that the configuration " +
			"Terraform generates for an imported machine is valid as written, `image` is optional in the schema; a new machine needs it, " +
			"and a plan without it fails.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}, MarkdownDescription: "The instance's ID."},
			"name": schema.StringAttribute{
				Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators: []validator.String{stringvalidator.LengthBetween(1, 128)}, MarkdownDescription: "Name, 1 to 128 characters (checked at plan). A plan warns when the organisation already has an instance with this name.",
			},
			"image": schema.StringAttribute{
				Optional: true, PlanModifiers: replace, Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				MarkdownDescription: "OS image, such as `ubuntu2404`; needed to create a machine (optional only for an imported one, which TensorDock does not report it for). Ubuntu images need port 22 in `port_forwards` unless `use_dedicated_ip` is true.",
			},
			"hostnode_id": schema.StringAttribute{
				Optional: true, PlanModifiers: replace,
				MarkdownDescription: "Hostnode to create on; see `gpucloud_tensordock_hostnodes`. A new machine needs exactly one of `hostnode_id` and `location_id`.",
			},
			"location_id": schema.StringAttribute{
				Optional: true, PlanModifiers: replace,
				MarkdownDescription: "Location to create in, letting TensorDock choose the hostnode; see `gpucloud_tensordock_locations`. " +
					"A new machine needs exactly one of `hostnode_id` and `location_id`. Changing it replaces the instance.\n\n" +
					"~> TensorDock's API document names only `hostnode_id` for a create; `location_id` is sent as `location_id` only when " +
					"set here. Should TensorDock ignore it, the create fails for want of a hostnode and nothing is made; pick a hostnode " +
					"from `gpucloud_tensordock_hostnodes` instead. TensorDock's location stock can also be stale: a create may fail with " +
					"\"No available nodes found\".",
			},
			"vcpu_count": schema.Int64Attribute{
				Required: true, Validators: []validator.Int64{validate.Step(2, 2)},
				MarkdownDescription: "vCPUs: 2 or more, in steps of 2. Resized in place.",
			},
			"ram_gb": schema.Int64Attribute{
				Required: true, Validators: []validator.Int64{validate.Step(8, 8, 4)},
				MarkdownDescription: "RAM in GB: 4 (the document's smallest) or a multiple of 8. Resized in place to a multiple of 8.",
			},
			"storage_gb": schema.Int64Attribute{
				Required: true, Validators: []validator.Int64{validate.Step(100, 50)},
				MarkdownDescription: "Disk in GB: 100 or more, in steps of 50. Grows in place; it cannot shrink.",
			},
			"gpu_model": schema.StringAttribute{
				Optional: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				MarkdownDescription: "GPU model by TensorDock's `v0Name`, such as `h100-sxm5-80gb`. Unset for a CPU-only machine. Changed in place.",
			},
			"gpu_count": schema.Int64Attribute{
				Optional: true, Computed: true,
				Validators:          []validator.Int64{int64validator.AtLeast(1), int64validator.AlsoRequires(path.MatchRoot("gpu_model"))},
				MarkdownDescription: "Number of GPUs of `gpu_model`; defaults to 1 when `gpu_model` is set. Changed in place.",
			},
			"use_dedicated_ip": schema.BoolAttribute{
				Optional: true, Computed: true, PlanModifiers: []planmodifier.Bool{planmod.UnreportedDefaultBool(false), planmod.ReplaceOrAdoptBool()},
				MarkdownDescription: "Give the machine its own public IP instead of port forwards on the hostnode's IP. Defaults to `false`.",
			},
			"port_forwards": schema.ListNestedAttribute{
				Optional: true, PlanModifiers: []planmodifier.List{planmod.ReplaceOrAdoptList()},
				Validators: []validator.List{listvalidator.SizeAtMost(64)},
				MarkdownDescription: "Ports to forward from the hostnode's IP, as asked. TensorDock may give another external port than " +
					"asked: this list stays as written, and `assigned_port_forwards` says what was given.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"internal_port": schema.Int64Attribute{Required: true, Validators: []validator.Int64{int64validator.Between(1, 65535)}, MarkdownDescription: "Port on the machine."},
					"external_port": schema.Int64Attribute{Required: true, Validators: []validator.Int64{int64validator.Between(1, 65535)}, MarkdownDescription: "Port asked for on the hostnode's IP."},
				}},
			},
			"ssh_key_id": schema.StringAttribute{
				Optional: true, PlanModifiers: replace,
				MarkdownDescription: "ID of a `gpucloud_tensordock_ssh_key`. A new machine needs exactly one of `ssh_key_id` and `ssh_public_key`.",
			},
			"ssh_public_key": schema.StringAttribute{
				Optional: true, PlanModifiers: replace, Validators: []validator.String{validate.SSHPublicKey()},
				MarkdownDescription: "A public key to install, in `authorized_keys` format.",
			},
			"cloud_init": schema.SingleNestedAttribute{
				Optional: true, PlanModifiers: []planmodifier.Object{planmod.ReplaceOrAdoptObject()},
				MarkdownDescription: "First-boot configuration.",
				Attributes: map[string]schema.Attribute{
					"runcmd":          schema.ListAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Commands to run after the first boot."},
					"packages":        schema.ListAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Packages to install."},
					"package_update":  schema.BoolAttribute{Optional: true, MarkdownDescription: "Update the package lists first."},
					"package_upgrade": schema.BoolAttribute{Optional: true, MarkdownDescription: "Upgrade all packages."},
				},
			},
			"power_state": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(powerRunning),
				Validators:          []validator.String{stringvalidator.OneOf(powerRunning, powerStopped)},
				MarkdownDescription: "`running` or `stopped`, changed in place. Defaults to `running`.",
			},
			"timeouts":   sharedschema.Timeouts(ctx, createTimeout, updateTimeout, deleteTimeout),
			"status":     schema.StringAttribute{Computed: true, MarkdownDescription: "TensorDock's status, such as `running` or `Stopped`."},
			"ip_address": schema.StringAttribute{Computed: true, MarkdownDescription: "The IP to connect to (the hostnode's, with `assigned_port_forwards`, unless dedicated)."},
			"assigned_port_forwards": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The port forwards TensorDock actually set up.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"internal_port": schema.Int64Attribute{Computed: true, MarkdownDescription: "The instance's port."},
					"external_port": schema.Int64Attribute{Computed: true, MarkdownDescription: "The port on the hostnode's IP that reaches it."},
				}},
			},
			// No UseStateForUnknown: resizes and power changes move the price.
			"rate_hourly": schema.Float64Attribute{
				Computed: true, DeprecationMessage: "Use price_per_hour, which every instance resource has.",
				MarkdownDescription: "Price per hour in USD, as TensorDock names it; the same as `price_per_hour`.",
			},
		},
	}
	sharedschema.Merge(resp.Schema.Attributes, sharedschema.PriceAttributes("on a hostnode, its GPU, vCPU, RAM and disk prices; "+
		"chosen by location_id, known after the create"))
	planmod.NoteReplacements(ctx, &resp.Schema, "instance")
}

func (r *instanceResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.Conflicting(path.MatchRoot("hostnode_id"), path.MatchRoot("location_id")),
		resourcevalidator.Conflicting(path.MatchRoot("ssh_key_id"), path.MatchRoot("ssh_public_key")),
	}
}

// ValidateConfig refuses at plan time the Ubuntu machine TensorDock would
// refuse: no way in without port 22 or a dedicated IP.
func (r *instanceResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	m, ok := crud.Get[instanceModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	if m.Image.IsUnknown() || m.DedicatedIP.IsUnknown() || m.DedicatedIP.ValueBool() {
		return
	}
	if !strings.HasPrefix(strings.ToLower(m.Image.ValueString()), "ubuntu") {
		return
	}
	if !slices.ContainsFunc(m.PortForwards, func(p portForwardModel) bool { return p.InternalPort.ValueInt64() == 22 || p.InternalPort.IsUnknown() }) {
		resp.Diagnostics.AddAttributeError(path.Root("port_forwards"), "Ubuntu needs SSH forwarded",
			fmt.Sprintf("TensorDock refuses an %s machine without a way in: forward internal_port 22 in port_forwards, or set use_dedicated_ip = true.", m.Image.ValueString()))
	}
}

// ModifyPlan fills gpu_count's default, warns about instances that already
// bear a new one's name, and checks resizes against
// TensorDock's steps: vCPUs by 2, RAM by 8 GB, disk by 50 GB and never smaller.
func (r *instanceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	plan, ok := crud.Get[instanceModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	if plan.GPUCount.IsUnknown() {
		count := types.Int64Null()
		if !plan.GPUModel.IsNull() {
			count = types.Int64Value(1)
		}
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("gpu_count"), count)...)
		plan.GPUCount = count
	}
	if name, ok := adopt.Creating(ctx, req, "name"); ok && r.Client != nil {
		adopt.WarnExisting(ctx, &resp.Diagnostics, path.Root("name"), "gpucloud_tensordock_instance", apierr.Describe("TensorDock", "instance", name),
			adopt.Existing(r.Client.Instances, func(i api.Instance) bool { return i.Name == name }, instanceCandidate))
	}
	planmod.NeededToCreate(ctx, req, resp, "instance", planmod.OneOf{"image"},
		planmod.OneOf{"hostnode_id", "location_id"}, planmod.OneOf{"ssh_key_id", "ssh_public_key"})
	if req.State.Raw.IsNull() {
		r.checkCatalogue(ctx, plan, resp)
		return
	}
	state, ok := crud.Get[instanceModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	check := func(attr string, planned, current types.Int64, ok bool, rule string) {
		if !planned.IsUnknown() && !planned.Equal(current) && !ok {
			resp.Diagnostics.AddAttributeError(path.Root(attr), "Resize TensorDock cannot do",
				fmt.Sprintf("%s can change from %d to %d only %s.", attr, current.ValueInt64(), planned.ValueInt64(), rule))
		}
	}
	v, ram, disk := plan.VCPUCount.ValueInt64(), plan.RAMGB.ValueInt64(), plan.StorageGB.ValueInt64()
	check("vcpu_count", plan.VCPUCount, state.VCPUCount, v >= 2 && v%2 == 0, "to a multiple of 2")
	check("ram_gb", plan.RAMGB, state.RAMGB, ram >= 8 && ram%8 == 0, "to a multiple of 8")
	check("storage_gb", plan.StorageGB, state.StorageGB, disk >= 100 && disk%50 == 0 && disk >= state.StorageGB.ValueInt64(),
		"to a larger multiple of 50 (disks cannot shrink)")
}

// checkCatalogue fails the plan of a new machine whose GPU model TensorDock
// does not offer, whose location or hostnode does not exist, or whose
// hostnode lacks what it asks for, and plans the price of a machine on a
// hostnode (a location's catalogue prices only its GPUs, so there the
// price is known after the create).
func (r *instanceResource) checkCatalogue(ctx context.Context, plan instanceModel, resp *resource.ModifyPlanResponse) {
	if r.Client == nil {
		return
	}
	locations, err := r.Client.KnownLocations(ctx)
	catalog.Check(&resp.Diagnostics, catalog.Value{Attr: path.Root("location_id"), Value: plan.LocationID,
		What: "a TensorDock location", Where: "gpucloud_tensordock_locations"}, locationIDs(locations), false, err)
	catalog.Check(&resp.Diagnostics, catalog.Value{Attr: path.Root("gpu_model"), Value: plan.GPUModel,
		What: "a GPU model TensorDock offers", Where: "gpucloud_tensordock_locations"}, gpuModels(locations), true, err)
	var price catalog.PricePlan
	price.Currency = currency
	if id := plan.HostnodeID; !id.IsNull() && !id.IsUnknown() {
		node, err := r.Client.KnownHostnode(ctx, id.ValueString())
		switch {
		case transport.IsNotFound(err):
			resp.Diagnostics.AddAttributeError(path.Root("hostnode_id"), "Unknown hostnode_id",
				fmt.Sprintf("TensorDock has no hostnode %q. gpucloud_tensordock_hostnodes lists those with room now.", id.ValueString()))
		case err == nil:
			for _, short := range plan.shortOn(node) {
				resp.Diagnostics.AddAttributeError(path.Root(short.attr), "Not enough room on the hostnode", short.why)
			}
			price.PerHour, price.Known = plan.priceOn(node)
		}
	}
	catalog.PlanPrice(ctx, &resp.Plan, &resp.Diagnostics, price, plan.MaxPricePerHour)
}

func describe(m instanceModel) string {
	return apierr.Describe("TensorDock", "instance", m.Name.ValueString())
}

func (r *instanceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[instanceModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	attrs, d := plan.createAttributes(ctx)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Create, createTimeout, &resp.Diagnostics)
	defer cancel()
	what := describe(plan)
	if err := r.checkPriceNow(ctx, plan); err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	id, err := r.machines().create(ctx, attrs, what)
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	// Saved before any wait: a failed wait leaves the machine tainted in state, not billed outside it.
	state := pending.State(plan)
	state.ID = types.StringValue(id)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)

	inst, err := r.machines().waitFor(ctx, id, what, powerRunning)
	if err == nil && plan.PowerState.ValueString() == powerStopped {
		// Saved running, so that a failed stop leaves a plan to stop it.
		state = instanceFromAPI(inst, state)
		state.Price = state.Price.Planned(plan.Price)
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		inst, err = r.machines().setPower(ctx, id, what, powerStopped)
	}
	if inst != nil {
		state = instanceFromAPI(inst, state)
		state.Price = state.Price.Planned(plan.Price)
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
	}
}

// checkPriceNow refuses a create whose price rose above max_price_per_hour
// since the plan, reading the hostnode afresh.
func (r *instanceResource) checkPriceNow(ctx context.Context, plan instanceModel) error {
	if plan.MaxPricePerHour.IsNull() || plan.HostnodeID.IsNull() {
		return nil
	}
	node, err := r.Client.GetHostnode(ctx, plan.HostnodeID.ValueString())
	if err != nil {
		return nil
	}
	if price, known := plan.priceOn(node); known && plan.Above(price) {
		return catalog.PriceRose(price, currency, plan.MaxPricePerHour.ValueFloat64())
	}
	return nil
}

func (r *instanceResource) machines() machines {
	return machines{client: r.Client, clients: r.Clients}
}

// observeInstance tells a stopped machine by any of its spellings, and a
// running one without an IP from one ready to use.
func observeInstance(i *api.Instance) wait.Observation {
	switch {
	case i.IsStopped():
		return wait.Observation{State: api.StatusStopped}
	case strings.EqualFold(i.Status, api.StatusRunning) && i.IPAddress == "":
		return wait.Observation{State: waitingForIP}
	}
	return wait.Observation{State: i.Status, Message: "TensorDock reports the machine failed"}
}

func (r *instanceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[instanceModel, api.Instance]{
		What: func(m instanceModel) string { return apierr.Describe("TensorDock", "instance", m.ID.ValueString()) },
		Read: func(ctx context.Context, m instanceModel) (*api.Instance, error) {
			return r.Client.GetInstance(ctx, m.ID.ValueString())
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
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Update, updateTimeout, &resp.Diagnostics)
	defer cancel()
	id, what := state.ID.ValueString(), describe(state)
	fail := func(doing string, err error) { resp.Diagnostics.Append(apierr.Diagnostic(doing+" "+what, err)) }

	resize := !plan.VCPUCount.Equal(state.VCPUCount) || !plan.RAMGB.Equal(state.RAMGB) || !plan.StorageGB.Equal(state.StorageGB) ||
		!plan.GPUModel.Equal(state.GPUModel) || !plan.GPUCount.Equal(state.GPUCount)
	current := state.PowerState.ValueString()
	if resize {
		if current == powerRunning {
			if _, err := r.machines().setPower(ctx, id, what, powerStopped); err != nil {
				fail("stopping, to resize,", err)
				return
			}
			current = powerStopped
		}
		if err := r.Client.ModifyInstance(ctx, id, plan.modifyRequest(state)); err != nil {
			fail("resizing", err)
			// The machine is stopped now; say so, so the next plan starts it again.
			state.PowerState = types.StringValue(powerStopped)
			resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
			return
		}
	}
	if current != plan.PowerState.ValueString() {
		if _, err := r.machines().setPower(ctx, id, what, plan.PowerState.ValueString()); err != nil {
			fail("setting power_state of", err)
			return
		}
	}
	inst, err := r.Client.GetInstance(ctx, id)
	if err != nil {
		fail("reading", err)
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
