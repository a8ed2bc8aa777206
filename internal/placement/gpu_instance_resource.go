package placement

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/machine"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/offers"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda"
)

var (
	_ resource.ResourceWithConfigure  = (*gpuInstanceResource)(nil)
	_ resource.ResourceWithModifyPlan = (*gpuInstanceResource)(nil)
)

const (
	// A create may try several offers, each a launch of minutes.
	createTimeout      = 60 * time.Minute
	updateTimeout      = 15 * time.Minute
	deleteTimeout      = 15 * time.Minute
	defaultMaxAttempts = 5
)

// namePattern is what every cloud that names machines accepts: Verda's
// hostname rule, which is Blue Lobster's and TensorDock's too.
var namePattern = regexp.MustCompile(`^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$`)

// NewGPUInstanceResource is gpucloud_gpu_instance.
func NewGPUInstanceResource() resource.Resource {
	return &gpuInstanceResource{Kind: crud.Kind{Name: "gpu_instance", ImportParts: []string{"cloud", "instance_id"}}}
}

type gpuInstanceResource struct {
	crud.Kind
	clients *providerdata.Clients
}

// importAs imports a machine on cloud found after a lost launch answer as
// this resource does: by <cloud>/<id>.
func importAs(cloud string) adopt.ImportAs {
	return func(id string) (string, string) { return "gpucloud_gpu_instance", cloud + "/" + id }
}

// clouds are the configured clouds a machine can be placed on.
func (r *gpuInstanceResource) clouds() map[string]machine.Cloud {
	out := map[string]machine.Cloud{}
	for _, c := range []machine.Cloud{verda.Machines(r.clients, importAs(offers.CloudVerda)), tensordock.Machines(r.clients, importAs(offers.CloudTensorDock)),
		bluelobster.Machines(r.clients, importAs(offers.CloudBlueLobster)), nova.Machines(r.clients, importAs(offers.CloudNova))} {
		if c != nil {
			out[c.Name()] = c
		}
	}
	return out
}

func (r *gpuInstanceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: desc}
	}
	choice := map[string]schema.Attribute{
		"cloud":          schema.StringAttribute{Computed: true, MarkdownDescription: "The cloud."},
		"instance_type":  schema.StringAttribute{Computed: true, MarkdownDescription: "The cloud's instance type, or its GPU name where it has no types (TensorDock, Nova Cloud)."},
		"location":       schema.StringAttribute{Computed: true, MarkdownDescription: "Location, as `gpucloud_gpu_offers` gives it."},
		"price_per_hour": schema.Float64Attribute{Computed: true, MarkdownDescription: "Price per hour, in `currency`."},
		"currency":       schema.StringAttribute{Computed: true, MarkdownDescription: "Currency of the price."},
	}
	attempt := map[string]schema.Attribute{
		"cloud":          schema.StringAttribute{Computed: true, MarkdownDescription: "The cloud tried."},
		"instance_type":  schema.StringAttribute{Computed: true, MarkdownDescription: "Its instance type, or GPU name."},
		"location":       schema.StringAttribute{Computed: true, MarkdownDescription: "Its location."},
		"price_per_hour": schema.Float64Attribute{Computed: true, MarkdownDescription: "The offer's price per hour, in `currency`."},
		"outcome": schema.StringAttribute{Computed: true, MarkdownDescription: "`launched`, or why the next offer was tried: " +
			"`no capacity: ...` (anything the attempt made was deleted first) or `no image: ...`."},
	}
	cloudNames := "`" + strings.Join(Clouds, "`, `") + "`"
	resp.Schema = schema.Schema{
		MarkdownDescription: "One GPU machine on whichever configured cloud offers it cheapest when it is created, with failover " +
			"when a cloud has no capacity. See the guide for the placement and failover rules in full.\n\n" +
			"**Placement.** Create searches the clouds as `gpucloud_gpu_offers` does and takes the offers of exactly `gpu_count` " +
			"GPUs of a model in `gpu_models`, on a cloud in `clouds`, in `countries` and `locations`, within " +
			"`max_price_per_hour`, spot ones only when `spot` is true; it tries them cheapest first (or in the order of `clouds` " +
			"first, with `prefer_cloud_order`). The plan shows the offer it will try first as `first_choice`.\n\n" +
			"**Failover.** An offer its cloud has no capacity for (Verda `service_unavailable` or an instance ending in " +
			"`no_capacity`, Blue Lobster 409 `no_capacity`, TensorDock \"No available nodes found\", Nova Cloud refusing for too few " +
			"free GPUs) is cleaned up, so nothing stays billed, and the next is tried, up to `max_attempts` offers. Any other " +
			"error stops the create at once. Every attempt is in `attempts`. The machine's ID is saved before each wait, so " +
			"a wait that fails leaves it in state (tainted), never billed outside it.\n\n" +
			"**Staying put.** Prices that move after the create never move the machine. A change that its placement still " +
			"meets (a wider `clouds` or `gpu_models`, a higher price bound, more attempts) changes nothing in the cloud; one it " +
			"no longer meets replaces it, and the plan warns why. `power_state` starts and stops it in place.\n\n" +
			"**Destroy** uses each cloud's safest choice for the disk: on Verda the OS volume goes to the trash, where it can " +
			"be restored for 96 hours and is not billed (Verda's own default); TensorDock, Blue Lobster and Nova Cloud delete the " +
			"disk with the machine, as they always do.\n\n" +
			"novitai is not a choice: its API states no prices. On Verda and Nova Cloud, which take SSH keys by ID, the " +
			"account's key with `ssh_public_key` is used, or one is added for the launch (named `gpucloud-<name>`) and " +
			"deleted once the machine runs.\n\n" +
			"~> A stopped machine is still billed. Destroy it to stop paying.",
		Attributes: map[string]schema.Attribute{
			"id": computed("`<cloud>/<instance_id>`."),
			"name": schema.StringAttribute{
				Required: true, PlanModifiers: []planmodifier.String{planmod.ReplaceOrAdoptString()},
				Validators: []validator.String{stringvalidator.RegexMatches(namePattern,
					"must be 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit")},
				MarkdownDescription: "The machine's name (Verda hostname, TensorDock and Blue Lobster name; Nova Cloud takes none): " +
					"1 to 63 letters, digits and hyphens, starting and ending with a letter or digit (checked at plan).",
			},
			"gpu_models": schema.SetAttribute{
				Required: true, ElementType: types.StringType, Validators: []validator.Set{setvalidator.SizeAtLeast(1)},
				MarkdownDescription: "GPU models allowed, in `gpucloud_gpu_offers`' naming (`H100-80GB`, `RTX4090-24GB`, ...). " +
					"Replaces the machine only when its GPU is no longer listed.",
			},
			"gpu_count": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(1),
				Validators:          []validator.Int64{int64validator.OneOf(1, 2, 4, 8)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
				MarkdownDescription: "GPUs: 1, 2, 4 or 8. Defaults to `1`.",
			},
			"max_price_per_hour": schema.Float64Attribute{
				Optional: true, Validators: []validator.Float64{float64validator.AtLeast(0)},
				MarkdownDescription: "The most the machine may cost an hour, in `currency`: offers above it are never tried. Lowering " +
					"it below the price the machine was launched at replaces it; a price that rises later does not. Unset by default: no bound.",
			},
			"currency": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(offers.DefaultCurrency),
				Validators:          []validator.String{validate.CurrencyCode()},
				MarkdownDescription: "Currency prices are compared and bounded in, as an ISO 4217 code. Defaults to `USD`.",
			},
			"exchange_rates": schema.MapAttribute{
				Optional: true, ElementType: types.Float64Type,
				Validators: validate.ExchangeRates(),
				MarkdownDescription: "How much of `currency` one unit of another buys, such as `{ EUR = 1.08 }`; offers in a currency " +
					"with no rate are not tried. Unset by default.",
			},
			"clouds": schema.ListAttribute{
				Optional: true, ElementType: types.StringType,
				Validators: []validator.List{listvalidator.UniqueValues(), listvalidator.SizeAtLeast(1),
					listvalidator.ValueStringsAre(stringvalidator.OneOf(Clouds...))},
				MarkdownDescription: "Clouds allowed, of those configured: " + cloudNames + ". Unset by default: every configured " +
					"one. Replaces the machine only when its cloud is no longer listed.",
			},
			"prefer_cloud_order": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Try the clouds in the order of `clouds`, cheapest first within each, instead of cheapest first " +
					"over all. Defaults to `false`.",
			},
			"countries": schema.SetAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Countries allowed, as ISO codes such as `US` or `FI`. Unset by default: anywhere. Replaces the " +
					"machine only when its country is no longer listed.",
			},
			"locations": schema.SetAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Locations allowed, as `gpucloud_gpu_offers` names them (Verda location codes, Blue Lobster " +
					"regions, TensorDock cities, Nova Cloud locations). Unset by default: anywhere. Replaces the machine only when " +
					"its location is no longer listed.",
			},
			"spot": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Allow spot (interruptible) offers, which the cloud may reclaim. Defaults to `false`; setting it " +
					"back to `false` replaces a spot machine.",
			},
			"image": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(OSes[0]),
				Validators: []validator.String{stringvalidator.OneOf(OSes...)},
				MarkdownDescription: "Operating system: `ubuntu-22.04` or `ubuntu-24.04`, mapped per cloud (Verda: the image type " +
					"named so, else the first that starts so; TensorDock: `ubuntu2204`, `ubuntu2404`; Blue Lobster: the template " +
					"with NVIDIA drivers, `UBUNTU-22-04-NV`, else the plain one; Nova Cloud: template 100 or 101). An offer on a " +
					"cloud with no such image is passed over. Defaults to `ubuntu-22.04`. Changing what the machine's cloud " +
					"boots replaces it.",
			},
			"image_overrides": schema.MapAttribute{
				Optional: true, ElementType: types.StringType,
				Validators: []validator.Map{mapvalidator.KeysAre(stringvalidator.OneOf(Clouds...)), mapvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
				MarkdownDescription: "The cloud's own image to boot instead of `image`, per cloud, such as `{ nova = \"103\" }`. " +
					"Unset by default. Changing the entry of the machine's cloud replaces it.",
			},
			"ssh_public_key": schema.StringAttribute{
				Required: true, PlanModifiers: []planmodifier.String{planmod.ReplaceOrAdoptString()},
				Validators:          []validator.String{validate.SSHPublicKey()},
				MarkdownDescription: "Public key to log in with. No cloud reports it back: after an import it is taken from the configuration.",
			},
			"disk_gb": schema.Int64Attribute{
				Optional: true, PlanModifiers: []planmodifier.Int64{planmod.ReplaceOrAdoptInt64()},
				Validators: []validator.Int64{int64validator.Between(100, 10000)},
				MarkdownDescription: "Boot disk in GB, 100 to 10000. Unset by default: Verda's default OS volume, 200 GB on TensorDock " +
					"(what its offers' prices include), 100 GB on Nova Cloud. Blue Lobster's disk comes with the instance type, and this is not sent.",
			},
			"power_state": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(machine.Running),
				Validators:          []validator.String{stringvalidator.OneOf(machine.Running, machine.Stopped)},
				MarkdownDescription: "`running` or `stopped`, changed in place. A stopped machine is still billed. Defaults to `running`.",
			},
			"max_attempts": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(defaultMaxAttempts),
				Validators:          []validator.Int64{int64validator.Between(1, 20)},
				MarkdownDescription: "How many offers a create tries at most, 1 to 20. Defaults to `5`.",
			},
			"timeouts": sharedschema.Timeouts(ctx, createTimeout, updateTimeout, deleteTimeout),

			"first_choice": schema.SingleNestedAttribute{
				Computed: true, Attributes: choice, PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				MarkdownDescription: "The offer the plan found cheapest, which the create tries first unless prices moved in between.",
			},
			"cloud":         computed("The cloud the machine runs on."),
			"instance_id":   computed("The machine's ID on its cloud."),
			"instance_type": computed("The cloud's instance type, or its GPU name where it has no types (TensorDock, Nova Cloud)."),
			"gpu_model":     computed("The machine's GPU, in `gpu_models`' naming."),
			"location":      computed("Where it runs, as `gpucloud_gpu_offers` names it."),
			"country":       computed("Its country, as an ISO code."),
			"is_spot": schema.BoolAttribute{
				Computed: true, PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
				MarkdownDescription: "Whether it is a spot machine.",
			},
			"price_per_hour": schema.Float64Attribute{
				Computed: true, PlanModifiers: []planmodifier.Float64{float64planmodifier.UseStateForUnknown()},
				MarkdownDescription: "The price per hour of the offer it was launched on, in `price_currency`; a price that moves later is not followed.",
			},
			"price_currency": computed("Currency of `price_per_hour`."),
			"status":         schema.StringAttribute{Computed: true, MarkdownDescription: "The cloud's own word for the machine's state."},
			"disk_ids": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				MarkdownDescription: "IDs of the machine's disks that its cloud bills apart from it: Verda's volumes, the OS volume " +
					"first (destroy moves the OS volume to the trash). Empty on the other clouds, whose disks go with the machine.",
			},
			"ip":          schema.StringAttribute{Computed: true, MarkdownDescription: "Public IP address."},
			"ssh_command": schema.StringAttribute{Computed: true, MarkdownDescription: "How to log in, such as `ssh root@203.0.113.7` (TensorDock: through the port forwarded to 22)."},
			"attempts": schema.ListNestedAttribute{
				Computed: true, NestedObject: schema.NestedAttributeObject{Attributes: attempt},
				PlanModifiers:       []planmodifier.List{listplanmodifier.UseStateForUnknown()},
				MarkdownDescription: "The offers the create tried, in order, and how each went.",
			},
		},
	}
	planmod.NoteReplacements(ctx, &resp.Schema, "machine")
}

func (r *gpuInstanceResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	clients, diags := providerdata.From(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	r.clients = clients
}

// ModifyPlan shows a new machine's first choice, and fails the plan when
// no offer matches; for an existing one it replaces the machine when its
// placement no longer meets the configuration, and says why.
func (r *gpuInstanceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.clients == nil {
		return
	}
	plan, ok := crud.Get[gpuInstanceModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok || !plan.wishesKnown() {
		return
	}
	w, diags := plan.wishes(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if req.State.Raw.IsNull() {
		r.planFirstChoice(ctx, w, resp)
		if !plan.Name.IsUnknown() {
			adopt.WarnExisting(ctx, &resp.Diagnostics, path.Root("name"), "gpucloud_gpu_instance",
				fmt.Sprintf("GPU machine %q", plan.Name.ValueString()), r.named(w.Clouds, plan.Name.ValueString()))
		}
		return
	}
	state, ok := crud.Get[gpuInstanceModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	unmet := Unmet(state.placement(), w, !plan.MaxPricePerHour.Equal(state.MaxPricePerHour))
	if why := r.imageChange(ctx, state, plan, &resp.Diagnostics); why != "" {
		unmet["image"] = why
	}
	if cloud := r.clouds()[state.Cloud.ValueString()]; cloud != nil && cloud.Failed(state.Status.ValueString()) {
		// It cannot run again; the status is what is replaced for.
		unmet["status"] = fmt.Sprintf("%s reports it %s, from which it cannot run again", state.Cloud.ValueString(), state.Status.ValueString())
		plan.Status = types.StringUnknown()
		resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
	}
	for _, attribute := range slices.Sorted(maps.Keys(unmet)) {
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root(attribute))
		resp.Diagnostics.AddAttributeWarning(path.Root(attribute), "The GPU machine will be replaced",
			fmt.Sprintf("%s %s: %s.", state.Cloud.ValueString(), state.InstanceID.ValueString(), unmet[attribute]))
	}
}

// imageChange says why the image the machine's cloud would boot now
// differs from the one it booted; "" when it does not, or when an import
// left the image unknown.
func (r *gpuInstanceResource) imageChange(ctx context.Context, state, plan gpuInstanceModel, diags *diag.Diagnostics) string {
	if state.Image.IsNull() || plan.Image.IsUnknown() || plan.ImageOverrides.IsUnknown() {
		return ""
	}
	cloud := state.Cloud.ValueString()
	booted := func(m gpuInstanceModel) string {
		override, d := m.imageFor(ctx, cloud)
		diags.Append(d...)
		if override != "" {
			return override
		}
		return m.Image.ValueString()
	}
	if before, after := booted(state), booted(plan); before != after {
		return fmt.Sprintf("the image to boot on %s changes from %s to %s", cloud, before, after)
	}
	return ""
}

// named lists the machines that bear name on the allowed configured
// clouds, by the IDs this resource imports them with.
func (r *gpuInstanceResource) named(allowedClouds []string, name string) func(context.Context) ([]adopt.Candidate, error) {
	return func(ctx context.Context) ([]adopt.Candidate, error) {
		var out []adopt.Candidate
		clouds := r.clouds()
		for _, cloudName := range Clouds {
			cloud := clouds[cloudName]
			if cloud == nil || !allowed(allowedClouds, cloudName) {
				continue
			}
			found, err := cloud.Named(ctx, name)
			if err != nil {
				return nil, err
			}
			for _, c := range found {
				c.ID = cloudName + "/" + c.ID
				out = append(out, c)
			}
		}
		return out, nil
	}
}

// planFirstChoice searches the offers as the create will and plans the
// first it would try; with none, the plan fails and says why.
func (r *gpuInstanceResource) planFirstChoice(ctx context.Context, w Wishes, resp *resource.ModifyPlanResponse) {
	clouds := r.clouds()
	for _, name := range w.Clouds {
		if clouds[name] == nil {
			resp.Diagnostics.AddAttributeWarning(path.Root("clouds"), "Cloud not configured",
				fmt.Sprintf("clouds lists %s, which the provider configuration does not configure, so its offers are not tried. "+
					"Add its block to the provider to include it.", name))
		}
	}
	all, failures := offers.Search(ctx, r.clients, w.Clouds)
	candidates := Candidates(all, w, func(c string) bool { return clouds[c] != nil })
	if len(candidates) == 0 {
		resp.Diagnostics.AddAttributeError(path.Root("gpu_models"), "No offer matches", noOffer(w, failures))
		return
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("first_choice"), choiceValue(candidates[0]))...)
}

// noOffer says that no offer matched w, and which clouds did not answer.
func noOffer(w Wishes, failures []offers.Failure) string {
	msg := fmt.Sprintf("No configured cloud offers %d x %s", w.GPUCount, strings.Join(w.GPUModels, " or "))
	if w.MaxPrice != nil {
		msg += fmt.Sprintf(" at %g %s per hour or less", *w.MaxPrice, w.Currency)
	}
	msg += " that matches clouds, countries, locations and spot right now. See gpucloud_gpu_offers for what is offered."
	for _, f := range failures {
		msg += fmt.Sprintf("\n%s did not answer: %s", f.Cloud, apierr.Detail(f.Err))
	}
	return msg
}

func (r *gpuInstanceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[gpuInstanceModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	w, diags := plan.wishes(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Create, createTimeout, &resp.Diagnostics)
	defer cancel()

	clouds := r.clouds()
	all, failures := offers.Search(ctx, r.clients, w.Clouds)
	candidates := Candidates(all, w, func(c string) bool { return clouds[c] != nil })
	if len(candidates) == 0 {
		resp.Diagnostics.AddError("No offer matches", noOffer(w, failures))
		return
	}
	var attempts []Attempt
	tried := 0
	for _, offer := range candidates {
		if tried == int(plan.MaxAttempts.ValueInt64()) {
			break
		}
		cloud := clouds[offer.Cloud]
		image, err := r.image(ctx, cloud, plan)
		if err != nil {
			attempts = append(attempts, Attempt{offer, "no image: " + apierr.Detail(err)})
			continue
		}
		tried++
		launched, outcome, err := r.launch(ctx, cloud, offer, plan, image, attempts, resp)
		attempts = append(attempts, Attempt{offer, outcome})
		tflog.Info(ctx, "GPU offer tried", map[string]any{"cloud": offer.Cloud, "instance_type": instanceType(offer),
			"location": offer.Location, "price_per_hour": offer.PricePerHour, "outcome": outcome})
		if err != nil {
			resp.Diagnostics.AddError("Creating the GPU machine failed",
				fmt.Sprintf("Launching on %s failed, and other errors than no capacity stop the create.\n\n%s\n\n%s",
					offer.Cloud, apierr.Detail(err), describeAttempts(attempts)))
			return
		}
		if launched != nil {
			state := gpuInstanceFromAPI(launched, plan.placed(offer, launched.ID))
			state.Attempts = attemptsValue(attempts)
			resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
			if plan.PowerState.ValueString() == machine.Stopped {
				stopped, err := cloud.SetPower(ctx, launched.ID, machine.Stopped)
				if stopped != nil {
					resp.Diagnostics.Append(resp.State.Set(ctx, gpuInstanceFromAPI(stopped, state))...)
				}
				if err != nil {
					resp.Diagnostics.Append(apierr.Diagnostic("stopping "+describe(state), err))
				}
			}
			return
		}
	}
	resp.State.RemoveResource(ctx)
	resp.Diagnostics.AddError("No offer could be launched",
		fmt.Sprintf("Every offer tried was out of capacity (or had no image for %s); nothing is left running or billed.\n\n%s",
			plan.Image.ValueString(), describeAttempts(attempts)))
}

// launch launches offer and waits for it. A machine is returned when it
// runs; nil with no error means the cloud had no capacity and nothing it
// made is left. Any other error stops the create, with the machine, if
// any, in state.
func (r *gpuInstanceResource) launch(ctx context.Context, cloud machine.Cloud, offer offers.Offer, plan gpuInstanceModel, image string,
	attempts []Attempt, resp *resource.CreateResponse) (*machine.Machine, string, error) {
	spec := Spec(offer, plan.Name.ValueString(), image, plan.SSHPublicKey.ValueString(), plan.DiskGB.ValueInt64())
	id, err := cloud.Launch(ctx, spec)
	if err != nil {
		if cloud.NoCapacity(err) {
			return nil, "no capacity: " + err.Error(), nil
		}
		return nil, "failed: " + apierr.Detail(err), err
	}
	// Saved before the wait: a failed wait leaves the machine tainted in state, not billed outside it.
	state := plan.placed(offer, id)
	state.Attempts = attemptsValue(append(attempts, Attempt{offer, "launching"}))
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	launched, err := cloud.WaitLaunched(ctx, id)
	if err == nil {
		return launched, "launched", nil
	}
	if !cloud.NoCapacity(err) {
		if m, readErr := cloud.Read(ctx, id); transport.IsNotFound(readErr) || readErr == nil && m.Gone {
			// A failed launch that made no machine leaves nothing to track.
			resp.State.RemoveResource(ctx)
		}
		return nil, "failed: " + apierr.Detail(err), err
	}
	if delErr := cloud.Delete(ctx, id); delErr != nil {
		return nil, "no capacity, and deleting what it left failed", fmt.Errorf("%s reported no capacity (%v), and deleting machine %s failed, so it stays in state for the next apply to replace: %w",
			offer.Cloud, err, id, delErr)
	}
	resp.State.RemoveResource(ctx)
	return nil, "no capacity: " + err.Error() + " (the machine it made was deleted)", nil
}

// image is the cloud's image for the configuration: its override, or the
// OS mapped to the cloud's image.
func (r *gpuInstanceResource) image(ctx context.Context, cloud machine.Cloud, plan gpuInstanceModel) (string, error) {
	override, diags := plan.imageFor(ctx, cloud.Name())
	if diags.HasError() {
		return "", errors.New("image_overrides cannot be read")
	}
	if override != "" {
		return override, nil
	}
	image, err := cloud.Image(ctx, plan.Image.ValueString())
	if errors.Is(err, machine.ErrNoSuchImage) {
		return "", fmt.Errorf("%s has no %s image; set image_overrides.%s to boot one of its own", cloud.Name(), plan.Image.ValueString(), cloud.Name())
	}
	return image, err
}

func describeAttempts(attempts []Attempt) string {
	var b strings.Builder
	b.WriteString("Offers tried:")
	for i, a := range attempts {
		fmt.Fprintf(&b, "\n  %d. %s %s in %s at %g %s/hour: %s", i+1, a.Offer.Cloud, instanceType(a.Offer), a.Offer.Location,
			a.Offer.PricePerHour, a.Offer.Currency, a.Outcome)
	}
	return b.String()
}

func describe(m gpuInstanceModel) string {
	return fmt.Sprintf("GPU machine %s on %s", m.InstanceID.ValueString(), m.Cloud.ValueString())
}

// cloudOf is the configured cloud a machine in state runs on.
func (r *gpuInstanceResource) cloudOf(m gpuInstanceModel) (machine.Cloud, error) {
	name := m.Cloud.ValueString()
	if c := r.clouds()[name]; c != nil {
		return c, nil
	}
	return nil, fmt.Errorf("the machine runs on %s, which the provider configuration does not configure; add its block to read, change or delete the machine", name)
}

func (r *gpuInstanceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[gpuInstanceModel, machine.Machine]{
		What: describe,
		Read: func(ctx context.Context, m gpuInstanceModel) (*machine.Machine, error) {
			cloud, err := r.cloudOf(m)
			if err != nil {
				return nil, err
			}
			return cloud.Read(ctx, m.InstanceID.ValueString())
		},
		Gone:    func(m *machine.Machine) bool { return m.Gone },
		FromAPI: gpuInstanceFromAPI,
	})
}

func (r *gpuInstanceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, okPlan := crud.Get[gpuInstanceModel](ctx, req.Plan, &resp.Diagnostics)
	state, okState := crud.Get[gpuInstanceModel](ctx, req.State, &resp.Diagnostics)
	if !okPlan || !okState {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Update, updateTimeout, &resp.Diagnostics)
	defer cancel()
	cloud, err := r.cloudOf(state)
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("updating "+describe(state), err))
		return
	}
	id := state.InstanceID.ValueString()
	var m *machine.Machine
	switch {
	case state.PowerState.IsNull():
		// Imported while starting: it runs once its launch is over.
		m, err = cloud.WaitLaunched(ctx, id)
		if err == nil && m.Power != plan.PowerState.ValueString() {
			m, err = cloud.SetPower(ctx, id, plan.PowerState.ValueString())
		}
	case !plan.PowerState.Equal(state.PowerState):
		m, err = cloud.SetPower(ctx, id, plan.PowerState.ValueString())
	default:
		m, err = cloud.Read(ctx, id)
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("updating "+describe(state), err))
		return
	}
	next := gpuInstanceFromAPI(m, plan)
	next.PowerState = plan.PowerState
	resp.Diagnostics.Append(resp.State.Set(ctx, next)...)
}

func (r *gpuInstanceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[gpuInstanceModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, state.Timeouts.Delete, deleteTimeout, &resp.Diagnostics)
	defer cancel()
	cloud, err := r.cloudOf(state)
	if err == nil {
		err = cloud.Delete(ctx, state.InstanceID.ValueString())
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("deleting "+describe(state), err))
	}
}

// ImportState takes `<cloud>/<instance_id>`, the cloud one this resource launches on.
func (r *gpuInstanceResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if cloud, _, _ := strings.Cut(req.ID, "/"); !slices.Contains(Clouds, cloud) {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import gpucloud_gpu_instance by <cloud>/<instance_id>, the cloud one of %s; got %q.", strings.Join(Clouds, ", "), req.ID))
		return
	}
	r.Kind.ImportState(ctx, req, resp)
}
