package offers

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type model struct {
	GPUModels        types.Set     `tfsdk:"gpu_models"`
	MinGPUCount      types.Int64   `tfsdk:"min_gpu_count"`
	MinGPUMemoryGB   types.Float64 `tfsdk:"min_gpu_memory_gb"`
	MaxPricePerHour  types.Float64 `tfsdk:"max_price_per_hour"`
	Clouds           types.Set     `tfsdk:"clouds"`
	Countries        types.Set     `tfsdk:"countries"`
	SpotAllowed      types.Bool    `tfsdk:"spot_allowed"`
	RequireAllClouds types.Bool    `tfsdk:"require_all_clouds"`
	Currency         types.String  `tfsdk:"currency"`
	ExchangeRates    types.Map     `tfsdk:"exchange_rates"`
	Offers           types.List    `tfsdk:"offers"`
	Cheapest         types.Object  `tfsdk:"cheapest"`
}

var offerAttrs = map[string]attr.Type{
	"cloud": types.StringType, "gpu_model": types.StringType, "cloud_gpu_name": types.StringType, "gpu_count": types.Int64Type,
	"gpu_memory_gb": types.Float64Type, "vcpus": types.Float64Type, "memory_gb": types.Float64Type, "location": types.StringType,
	"country": types.StringType, "price_per_hour": types.Float64Type, "currency": types.StringType, "spot": types.BoolType,
	"verda_instance_type": types.StringType, "verda_location_code": types.StringType,
	"tensordock_hostnode_id": types.StringType, "tensordock_gpu_model": types.StringType,
	"tensordock_vcpu_count": types.Int64Type, "tensordock_ram_gb": types.Int64Type,
	"bluelobster_instance_type": types.StringType, "bluelobster_region": types.StringType,
	"nova_node": types.StringType, "nova_gpu_type": types.StringType, "nova_gpu_count": types.Int64Type,
	"cloud_price_per_hour": types.Float64Type, "cloud_currency": types.StringType,
	"launchable": types.BoolType, "not_launchable_reason": types.StringType,
}

var offerType = types.ObjectType{AttrTypes: offerAttrs}

func str(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

func num(n int64) types.Int64 {
	if n == 0 {
		return types.Int64Null()
	}
	return types.Int64Value(n)
}

func (o Offer) value() types.Object {
	l := o.Launch
	return types.ObjectValueMust(offerAttrs, map[string]attr.Value{
		"cloud": types.StringValue(o.Cloud), "gpu_model": types.StringValue(o.GPUModel), "cloud_gpu_name": types.StringValue(o.CloudGPUName),
		"gpu_count": types.Int64Value(o.GPUCount), "gpu_memory_gb": types.Float64Value(o.GPUMemoryGB),
		"vcpus": types.Float64Value(o.VCPUs), "memory_gb": types.Float64Value(o.MemoryGB), "location": types.StringValue(o.Location),
		"country": types.StringValue(o.Country), "price_per_hour": types.Float64Value(o.PricePerHour), "currency": types.StringValue(o.Currency),
		"spot":                types.BoolValue(o.Spot),
		"verda_instance_type": str(l.VerdaInstanceType), "verda_location_code": str(l.VerdaLocationCode),
		"tensordock_hostnode_id": str(l.TensorDockHostnodeID), "tensordock_gpu_model": str(l.TensorDockGPUModel),
		"tensordock_vcpu_count": num(l.TensorDockVCPUCount), "tensordock_ram_gb": num(l.TensorDockRAMGB),
		"bluelobster_instance_type": str(l.BlueLobsterInstanceType), "bluelobster_region": str(l.BlueLobsterRegion),
		"nova_node": str(l.NovaNode), "nova_gpu_type": str(l.NovaGPUType), "nova_gpu_count": num(l.NovaGPUCount),
		"cloud_price_per_hour": types.Float64Value(o.CloudPricePerHour), "cloud_currency": types.StringValue(o.CloudCurrency),
		"launchable": types.BoolValue(o.NotLaunchable == ""), "not_launchable_reason": str(o.NotLaunchable),
	})
}
