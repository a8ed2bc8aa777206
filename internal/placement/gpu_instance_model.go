package placement

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/machine"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/offers"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/pending"
)

type gpuInstanceModel struct {
	ID               types.String   `tfsdk:"id"`
	Name             types.String   `tfsdk:"name"`
	GPUModels        types.Set      `tfsdk:"gpu_models"`
	GPUCount         types.Int64    `tfsdk:"gpu_count"`
	MaxPricePerHour  types.Float64  `tfsdk:"max_price_per_hour"`
	Currency         types.String   `tfsdk:"currency"`
	ExchangeRates    types.Map      `tfsdk:"exchange_rates"`
	Clouds           types.List     `tfsdk:"clouds"`
	PreferCloudOrder types.Bool     `tfsdk:"prefer_cloud_order"`
	Countries        types.Set      `tfsdk:"countries"`
	Locations        types.Set      `tfsdk:"locations"`
	Spot             types.Bool     `tfsdk:"spot"`
	Image            types.String   `tfsdk:"image"`
	ImageOverrides   types.Map      `tfsdk:"image_overrides"`
	SSHPublicKey     types.String   `tfsdk:"ssh_public_key"`
	DiskGB           types.Int64    `tfsdk:"disk_gb"`
	PowerState       types.String   `tfsdk:"power_state"`
	MaxAttempts      types.Int64    `tfsdk:"max_attempts"`
	Timeouts         timeouts.Value `tfsdk:"timeouts"`

	FirstChoice  types.Object  `tfsdk:"first_choice"`
	Cloud        types.String  `tfsdk:"cloud"`
	InstanceID   types.String  `tfsdk:"instance_id"`
	InstanceType types.String  `tfsdk:"instance_type"`
	GPUModel     types.String  `tfsdk:"gpu_model"`
	Location     types.String  `tfsdk:"location"`
	Country      types.String  `tfsdk:"country"`
	IsSpot       types.Bool    `tfsdk:"is_spot"`
	PricePerHour types.Float64 `tfsdk:"price_per_hour"`
	PriceUnit    types.String  `tfsdk:"price_currency"`
	Status       types.String  `tfsdk:"status"`
	IP           types.String  `tfsdk:"ip"`
	SSHCommand   types.String  `tfsdk:"ssh_command"`
	DiskIDs      types.List    `tfsdk:"disk_ids"`
	Attempts     types.List    `tfsdk:"attempts"`
}

var choiceAttrs = map[string]attr.Type{
	"cloud": types.StringType, "instance_type": types.StringType, "location": types.StringType,
	"price_per_hour": types.Float64Type, "currency": types.StringType,
}

var attemptAttrs = map[string]attr.Type{
	"cloud": types.StringType, "instance_type": types.StringType, "location": types.StringType,
	"price_per_hour": types.Float64Type, "outcome": types.StringType,
}

var attemptType = types.ObjectType{AttrTypes: attemptAttrs}

// Attempt is one offer a create tried, and how it went.
type Attempt struct {
	Offer   offers.Offer
	Outcome string
}

func choiceValue(o offers.Offer) types.Object {
	return types.ObjectValueMust(choiceAttrs, map[string]attr.Value{
		"cloud": types.StringValue(o.Cloud), "instance_type": types.StringValue(instanceType(o)), "location": types.StringValue(o.Location),
		"price_per_hour": types.Float64Value(o.PricePerHour), "currency": types.StringValue(o.Currency),
	})
}

func attemptsValue(attempts []Attempt) types.List {
	values := make([]attr.Value, len(attempts))
	for i, a := range attempts {
		values[i] = types.ObjectValueMust(attemptAttrs, map[string]attr.Value{
			"cloud": types.StringValue(a.Offer.Cloud), "instance_type": types.StringValue(instanceType(a.Offer)),
			"location": types.StringValue(a.Offer.Location), "price_per_hour": types.Float64Value(a.Offer.PricePerHour),
			"outcome": types.StringValue(a.Outcome),
		})
	}
	return types.ListValueMust(attemptType, values)
}

// instanceType names what an offer launches in the cloud's own words: its
// instance type, or its GPU where the cloud has no types.
func instanceType(o offers.Offer) string {
	return Spec(o, "", "", "", 0).InstanceType
}

// placed records offer o in m, the machine launched on it being id.
func (m gpuInstanceModel) placed(o offers.Offer, id string) gpuInstanceModel {
	// What is not known yet is null, so that a failed wait saves a state Terraform accepts.
	m = pending.State(m)
	m.ID, m.Cloud, m.InstanceID = types.StringValue(o.Cloud+"/"+id), types.StringValue(o.Cloud), types.StringValue(id)
	m.InstanceType, m.GPUModel = types.StringValue(instanceType(o)), types.StringValue(o.GPUModel)
	m.Location, m.Country, m.IsSpot = types.StringValue(o.Location), types.StringValue(o.Country), types.BoolValue(o.Spot)
	m.PricePerHour, m.PriceUnit = types.Float64Value(o.PricePerHour), types.StringValue(o.Currency)
	return m
}

// gpuInstanceFromAPI refreshes prior from the machine. Where it runs and
// its price stay as the launch recorded them (a Nova node is not the
// offer's location, a price that moves does not move the machine); only
// an imported machine, which has none recorded, takes them from the cloud.
func gpuInstanceFromAPI(m *machine.Machine, prior gpuInstanceModel) gpuInstanceModel {
	if prior.InstanceType.IsNull() || prior.InstanceType.IsUnknown() {
		prior.InstanceType, prior.Location = nullIfEmpty(m.InstanceType), nullIfEmpty(m.Location)
		prior.Country, prior.IsSpot = types.StringNull(), types.BoolNull()
		prior.PricePerHour, prior.PriceUnit = types.Float64Null(), nullIfEmpty(m.Currency)
		if m.PricePerHour > 0 && m.Currency != "" {
			prior.PricePerHour = types.Float64Value(m.PricePerHour)
		}
		if m.GPUName != "" {
			model, _ := offers.Canonical(m.GPUName)
			prior.GPUModel = types.StringValue(model)
		}
		if m.GPUCount > 0 {
			prior.GPUCount = types.Int64Value(m.GPUCount)
		}
		if m.Name != "" {
			prior.Name = types.StringValue(m.Name)
		}
	}
	if m.Power != "" {
		prior.PowerState = types.StringValue(m.Power)
	}
	prior.Status, prior.IP, prior.SSHCommand = types.StringValue(m.Status), types.StringValue(m.IP), types.StringValue(SSHCommand(m))
	disks := make([]attr.Value, len(m.DiskIDs))
	for i, id := range m.DiskIDs {
		disks[i] = types.StringValue(id)
	}
	prior.DiskIDs = types.ListValueMust(types.StringType, disks)
	return prior
}

func nullIfEmpty(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

func elements(ctx context.Context, v interface {
	IsNull() bool
	IsUnknown() bool
	ElementsAs(context.Context, any, bool) diag.Diagnostics
}, diags *diag.Diagnostics) []string {
	var out []string
	if !v.IsNull() && !v.IsUnknown() {
		diags.Append(v.ElementsAs(ctx, &out, false)...)
	}
	return out
}

// wishes reads what the configuration asks of the placement.
func (m gpuInstanceModel) wishes(ctx context.Context) (Wishes, diag.Diagnostics) {
	var diags diag.Diagnostics
	w := Wishes{
		GPUModels: elements(ctx, m.GPUModels, &diags), GPUCount: m.GPUCount.ValueInt64(), MaxPrice: m.MaxPricePerHour.ValueFloat64Pointer(),
		Currency: strings.ToUpper(m.Currency.ValueString()), Clouds: elements(ctx, m.Clouds, &diags),
		PreferOrder: m.PreferCloudOrder.ValueBool(), Countries: elements(ctx, m.Countries, &diags),
		Locations: elements(ctx, m.Locations, &diags), Spot: m.Spot.ValueBool(), Rates: map[string]float64{},
	}
	if w.Currency == "" {
		w.Currency = offers.DefaultCurrency
	}
	if w.GPUCount == 0 {
		w.GPUCount = 1
	}
	if !m.ExchangeRates.IsNull() && !m.ExchangeRates.IsUnknown() {
		rates := map[string]float64{}
		diags.Append(m.ExchangeRates.ElementsAs(ctx, &rates, false)...)
		for k, v := range rates {
			w.Rates[strings.ToUpper(k)] = v
		}
	}
	return w, diags
}

// wishesKnown: every argument the placement depends on is known.
func (m gpuInstanceModel) wishesKnown() bool {
	for _, v := range []attr.Value{m.GPUModels, m.GPUCount, m.MaxPricePerHour, m.Currency, m.ExchangeRates, m.Clouds,
		m.PreferCloudOrder, m.Countries, m.Locations, m.Spot, m.Image, m.ImageOverrides} {
		if v.IsUnknown() {
			return false
		}
	}
	return true
}

// placement is where state says the machine runs.
func (m gpuInstanceModel) placement() Placed {
	return Placed{Cloud: m.Cloud.ValueString(), GPUModel: m.GPUModel.ValueString(), Location: m.Location.ValueString(),
		Country: m.Country.ValueString(), Spot: m.IsSpot.ValueBool(), PricePerHour: m.PricePerHour.ValueFloat64(), Currency: m.PriceUnit.ValueString()}
}

// imageFor is the image the configuration asks for on cloud: its override, or "" to map image.
func (m gpuInstanceModel) imageFor(ctx context.Context, cloud string) (override string, diags diag.Diagnostics) {
	if m.ImageOverrides.IsNull() || m.ImageOverrides.IsUnknown() {
		return "", nil
	}
	overrides := map[string]string{}
	diags.Append(m.ImageOverrides.ElementsAs(ctx, &overrides, false)...)
	return overrides[cloud], diags
}
