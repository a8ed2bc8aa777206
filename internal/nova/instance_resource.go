package nova

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
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

	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/catalog"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/pending"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

const (
	powerRunning   = "running"
	powerStopped   = "stopped"
	createTimeout  = 20 * time.Minute
	updateTimeout  = 10 * time.Minute
	deleteTimeout  = 10 * time.Minute
	pollFloor      = 2 * time.Second
	pollCeiling    = 15 * time.Second
	onDemand       = "on_demand"
	rentalReserved = "reserved"
	interruptible  = "interruptible"
)

// NewInstanceResource is gpucloud_nova_instance.
func NewInstanceResource() resource.Resource {
	return &instanceResource{Kind: crud.Kind{Name: "nova_instance"}}
}

type instanceResource struct {
	clientHolder
	crud.Kind
}

func (r *instanceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replaceInt := []planmodifier.Int64{int64planmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	keepInt := []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Nova Cloud GPU VM. Create waits until it runs; `failed` ends the wait and leaves it tainted. " +
			"An interruptible rental that Nova interrupts is reported in `status`, not an error. `power_state` starts and " +
			"stops it in place; the rest is fixed at creation. The delete, start and stop paths are inferred from the " +
			"API's conventions (`DELETE /vms/{id}`, `POST /vms/{id}/start`, `POST /vms/{id}/stop`).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "The VM's ID."},
			"node": schema.StringAttribute{
				Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)}, MarkdownDescription: "Node to rent on, such as `vm01`.",
			},
			"gpu_type": schema.StringAttribute{
				Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators: []validator.String{stringvalidator.OneOf("5090", "4090", "6000pro")}, MarkdownDescription: "GPU: `5090`, `4090` or `6000pro`.",
			},
			"gpu_count": schema.Int64Attribute{
				Required: true, PlanModifiers: replaceInt, Validators: []validator.Int64{int64validator.OneOf(1, 2, 4, 8)}, MarkdownDescription: "GPUs: 1, 2, 4 or 8.",
			},
			"storage_gb": schema.Int64Attribute{
				Required: true, PlanModifiers: replaceInt, Validators: []validator.Int64{int64validator.AtLeast(50)}, MarkdownDescription: "Disk in GB, at least 50.",
			},
			"template_vmid": schema.Int64Attribute{
				Optional: true, Computed: true, PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown(), int64planmodifier.RequiresReplaceIfConfigured()},
				Validators:          []validator.Int64{int64validator.Between(100, 104)},
				MarkdownDescription: "OS template: 100 Ubuntu 22.04, 101 Ubuntu 24.04, 102 Stable Diffusion, 103 ComfyUI, 104 Linux Desktop. Exactly one of `template_vmid` and `image`.",
			},
			"image": schema.StringAttribute{
				Optional: true, PlanModifiers: []planmodifier.String{planmod.ReplaceOrAdoptString()},
				Validators:          []validator.String{stringvalidator.OneOf(templateNames()...)},
				MarkdownDescription: "OS template by name, mapped to `template_vmid`: see `gpucloud_nova_images`.",
			},
			"rental_type": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(onDemand),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{stringvalidator.OneOf(onDemand, rentalReserved, interruptible)},
				MarkdownDescription: "`on_demand` (default), `reserved` (with `reservation_months`, discounted) or `interruptible` (cheaper; Nova may interrupt it).",
			},
			"reservation_months": schema.Int64Attribute{
				Optional: true, PlanModifiers: []planmodifier.Int64{planmod.ReplaceOrAdoptInt64()}, Validators: []validator.Int64{int64validator.OneOf(1, 3, 6)},
				MarkdownDescription: "Reservation length, 1, 3 or 6 months; only with `rental_type = \"reserved\"`.",
			},
			"ssh_key_id": schema.StringAttribute{
				Optional: true, PlanModifiers: []planmodifier.String{planmod.ReplaceOrAdoptString()},
				MarkdownDescription: "A `gpucloud_nova_ssh_key` to log in with. A new VM needs exactly one of `ssh_key_id`, `password` and `password_wo` (Nova does not report which; an imported VM needs none). Changing it replaces the VM.",
			},
			"auth_method": schema.StringAttribute{
				Computed: true, PlanModifiers: keep, MarkdownDescription: "`ssh_key` or `password`, following which of the two is set.",
			},
			"power_state": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(powerRunning),
				Validators:          []validator.String{stringvalidator.OneOf(powerRunning, powerStopped)},
				MarkdownDescription: "`running` or `stopped`, changed in place. Defaults to `running`.",
			},
			"timeouts":       sharedschema.Timeouts(ctx, createTimeout, updateTimeout, deleteTimeout),
			"vmid":           schema.Int64Attribute{Computed: true, PlanModifiers: keepInt, MarkdownDescription: "Nova's numeric VM ID."},
			"instance_label": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "Nova's label for the VM."},
			"ip_address":     schema.StringAttribute{Computed: true, MarkdownDescription: "IP address while running."},
			"status":         schema.StringAttribute{Computed: true, MarkdownDescription: "Nova's status, such as `running`, `stopped` or `interrupted`."},
			"cpu_cores":      schema.Int64Attribute{Computed: true, PlanModifiers: keepInt, MarkdownDescription: "vCPUs."},
			"ram_gb":         schema.Int64Attribute{Computed: true, PlanModifiers: keepInt, MarkdownDescription: "RAM in GB."},
			"hourly_rate": schema.Float64Attribute{
				Computed: true, DeprecationMessage: "Use price_per_hour, which every instance resource has.",
				MarkdownDescription: "Price per hour in USD, as Nova Cloud names it; the same as `price_per_hour`.",
			},
			"created_at": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "Creation time."},
			"started_at": schema.StringAttribute{Computed: true, MarkdownDescription: "Last start time."},
		},
	}
	maps.Copy(resp.Schema.Attributes, sharedschema.PasswordAttributes("A password to log in with (`auth_method = \"password\"`)",
		stringvalidator.LengthAtLeast(8)))
	sharedschema.Merge(resp.Schema.Attributes, sharedschema.PriceAttributes("the on-demand price per GPU times the GPUs, or an interruptible offer's rate on the node; "+
		"a reserved rental's is known after the create"))
	planmod.NoteReplacements(ctx, &resp.Schema, "VM")
}

func (r *instanceResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.ExactlyOneOf(path.MatchRoot("template_vmid"), path.MatchRoot("image")),
		resourcevalidator.Conflicting(path.MatchRoot("ssh_key_id"), path.MatchRoot("password"), path.MatchRoot("password_wo")),
	}
}

// ValidateConfig: reservation_months goes with reserved rentals only, and they need it.
func (r *instanceResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	m, ok := crud.Get[instanceModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	if m.RentalType.IsUnknown() || m.ReservationMonths.IsUnknown() {
		return
	}
	reserved := m.RentalType.ValueString() == rentalReserved
	switch {
	case reserved && m.ReservationMonths.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("reservation_months"), "Reservation length missing",
			"A reserved rental needs reservation_months: 1, 3 or 6.")
	case !reserved && !m.ReservationMonths.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("reservation_months"), "Reservation length without a reservation",
			`reservation_months applies only with rental_type = "reserved".`)
	}
}

// ModifyPlan resolves image to its template and auth_method to the credential given.
func (r *instanceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	planmod.NeededToCreate(ctx, req, resp, "VM", planmod.OneOf{"ssh_key_id", "password", "password_wo"})
	if req.Plan.Raw.IsNull() || !req.State.Raw.IsNull() {
		return
	}
	plan, okPlan := crud.Get[instanceModel](ctx, req.Plan, &resp.Diagnostics)
	config, okConfig := crud.Get[instanceModel](ctx, req.Config, &resp.Diagnostics)
	if !okPlan || !okConfig {
		return
	}
	if vmid, ok := templateVMID(plan.Image.ValueString()); ok {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("template_vmid"), types.Int64Value(vmid))...)
	}
	method := "ssh_key"
	if config.Passwords.Set() {
		method = "password"
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("auth_method"), types.StringValue(method))...)
	r.checkCatalogue(ctx, plan, resp)
}

// checkPriceNow refuses a create whose on-demand price rose above
// max_price_per_hour since the plan, reading the prices afresh.
func (r *instanceResource) checkPriceNow(ctx context.Context, plan instanceModel) error {
	if plan.MaxPricePerHour.IsNull() || plan.RentalType.ValueString() != onDemand {
		return nil
	}
	prices, err := r.Client.Pricing(ctx)
	if p, ok := prices[plan.GPUType.ValueString()]; err == nil && ok && plan.Above(p*float64(plan.GPUCount.ValueInt64())) {
		return catalog.PriceRose(p*float64(plan.GPUCount.ValueInt64()), currency, plan.MaxPricePerHour.ValueFloat64())
	}
	return nil
}

// checkCatalogue fails the plan of a VM whose GPU type Nova does not
// price, or, where the offers name their nodes (the document's /search
// answer does not), whose node is unknown or lacks the GPU type; and plans
// the price: the on-demand price per GPU times the GPUs, or an
// interruptible offer's rate on that node.
func (r *instanceResource) checkCatalogue(ctx context.Context, plan instanceModel, resp *resource.ModifyPlanResponse) {
	if r.Client == nil {
		return
	}
	prices, err := r.Client.KnownPricing(ctx)
	catalog.Check(&resp.Diagnostics, catalog.Value{Attr: path.Root("gpu_type"), Value: plan.GPUType,
		What: "a GPU type Nova Cloud prices", Where: "gpucloud_nova_pricing"}, slices.Collect(maps.Keys(prices)), false, err)
	offers, offersErr := r.Client.KnownOffers(ctx)
	atNode := offersAt(offers, plan.Node.ValueString())
	if nodes := offerNodes(offers); offersErr == nil && len(nodes) > 0 && !plan.Node.IsUnknown() {
		if catalog.Check(&resp.Diagnostics, catalog.Value{Attr: path.Root("node"), Value: plan.Node,
			What: "a node Nova Cloud offers", Where: "gpucloud_nova_offers"}, nodes, false, nil) && !plan.GPUType.IsUnknown() &&
			!slices.ContainsFunc(atNode, func(o api.Offer) bool { return o.GPUType == plan.GPUType.ValueString() }) {
			resp.Diagnostics.AddAttributeError(path.Root("gpu_type"), "GPU type not on this node",
				fmt.Sprintf("Node %s offers no %s GPUs. %s", plan.Node.ValueString(), plan.GPUType.ValueString(), gpuTypesOn(atNode)))
		}
	}
	price := catalog.PricePlan{Currency: currency}
	if !plan.GPUCount.IsUnknown() && !plan.RentalType.IsUnknown() {
		count := float64(plan.GPUCount.ValueInt64())
		switch plan.RentalType.ValueString() {
		case interruptible:
			if o := cheapestAt(atNode, plan.GPUType.ValueString()); o != nil {
				price.PerHour, price.Known = float64(o.InterruptibleRate)*count, true
			}
		case onDemand:
			if p, ok := prices[plan.GPUType.ValueString()]; ok {
				price.PerHour, price.Known = p*count, true
			}
		}
	}
	catalog.PlanPrice(ctx, &resp.Plan, &resp.Diagnostics, price, plan.MaxPricePerHour)
}

func describe(m instanceModel) string {
	return apierr.Describe("Nova Cloud", "VM", m.GPUCount.String()+"x "+m.GPUType.ValueString()+" on "+m.Node.ValueString())
}

func (r *instanceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, okPlan := crud.Get[instanceModel](ctx, req.Plan, &resp.Diagnostics)
	config, okConfig := crud.Get[instanceModel](ctx, req.Config, &resp.Diagnostics)
	if !okPlan || !okConfig {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Create, createTimeout, &resp.Diagnostics)
	defer cancel()
	what := describe(plan)
	if err := r.checkPriceNow(ctx, plan); err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	request := api.CreateVMRequest{
		Node: plan.Node.ValueString(), GPUType: plan.GPUType.ValueString(), GPUCount: plan.GPUCount.ValueInt64(),
		StorageGB: plan.StorageGB.ValueInt64(), TemplateVMID: plan.TemplateVMID.ValueInt64(), RentalType: plan.RentalType.ValueString(),
		ReservationMonths: plan.ReservationMonths.ValueInt64(), AuthMethod: plan.AuthMethod.ValueString(),
		SSHKeyID: plan.SSHKeyID.ValueString(), Password: plan.Passwords.Value(config.Passwords),
	}
	id, err := r.machines().create(ctx, request, what)
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	// Saved before waiting: a failed VM stays tracked (tainted), never billed outside state.
	state := pending.State(plan)
	state.ID, state.Passwords = types.StringValue(id), plan.Passwords.Stored()
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	vm, err := r.machines().waitFor(ctx, id, what, powerRunning, plan.RentalType.ValueString() == interruptible)
	if err == nil && plan.PowerState.ValueString() == powerStopped && vm.Status == api.StatusRunning {
		// Saved running, so that a failed shutdown leaves a plan to stop it.
		state = instanceFromAPI(vm, state)
		state.Price = state.Price.Planned(plan.Price)
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		vm, err = r.machines().setPower(ctx, id, what, powerStopped)
	}
	if vm != nil {
		state = instanceFromAPI(vm, state)
		state.Price = state.Price.Planned(plan.Price)
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
	crud.Read(ctx, req, resp, crud.Reader[instanceModel, api.VM]{
		What: func(m instanceModel) string { return apierr.Describe("Nova Cloud", "VM", m.ID.ValueString()) },
		Read: func(ctx context.Context, m instanceModel) (*api.VM, error) {
			return r.Client.ReadVM(ctx, m.ID.ValueString())
		},
		Gone:    func(vm *api.VM) bool { return vm.Status == api.StatusDestroyed },
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
	var vm *api.VM
	var err error
	if !plan.PowerState.Equal(state.PowerState) {
		vm, err = r.machines().setPower(ctx, id, what, plan.PowerState.ValueString())
	} else {
		vm, err = r.Client.ReadVM(ctx, id)
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("updating "+what, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, instanceFromAPI(vm, plan))...)
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
