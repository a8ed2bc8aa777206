package verda

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewInstanceTypesDataSource is gpucloud_verda_instance_types.
func NewInstanceTypesDataSource() datasource.DataSource {
	var d clientHolder
	list := func(desc string) schema.Attribute {
		return schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: desc}
	}
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[instanceTypesModel]{
		Name: "verda_instance_types", Configure: d.configure, Doing: "listing Verda instance types",
		Schema: schema.Schema{
			MarkdownDescription: "Verda's instance types with their prices and the locations that can deploy them right now " +
				"(from `/instance-availability`), filtered and sorted by price, cheapest first. " +
				"Capacity changes by the minute: read `available_locations` as of the last refresh.",
			Attributes: map[string]schema.Attribute{
				"gpu_model": schema.StringAttribute{
					Optional: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
					MarkdownDescription: "Only types with this GPU model (`H100`, `A100`, `L40S`, ...) or GPU name (`H100 SXM5 80GB`); case does not matter.",
				},
				"min_gpu_count": schema.Int64Attribute{
					Optional: true, Validators: []validator.Int64{int64validator.AtLeast(0)},
					MarkdownDescription: "Only types with at least this many GPUs.",
				},
				"max_price_per_hour": schema.Float64Attribute{
					Optional: true, Validators: []validator.Float64{float64validator.AtLeast(0)},
					MarkdownDescription: "Only types whose hourly price (the spot price when `spot` is true) is at most this.",
				},
				"location_code": schema.StringAttribute{
					Optional: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
					MarkdownDescription: "Only types that can be deployed in this location right now.",
				},
				"spot": schema.BoolAttribute{
					Optional: true,
					MarkdownDescription: "Look at spot capacity and spot prices instead of on-demand ones. Spot instances are cheaper " +
						"and may be evicted at any time. Defaults to `false`.",
				},
				"instance_types": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The matching types, cheapest first, ties by name.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"instance_type":       sharedschema.ComputedString("The name to deploy with, such as `1H100.80S.22V`."),
						"id":                  sharedschema.ComputedString("The type's ID."),
						"name":                sharedschema.ComputedString("GPU name, such as `H100 SXM5 80GB`."),
						"display_name":        sharedschema.ComputedString("Full display name."),
						"gpu_model":           sharedschema.ComputedString("GPU model, such as `H100`."),
						"manufacturer":        sharedschema.ComputedString("Hardware manufacturer."),
						"description":         sharedschema.ComputedString("Verda's description."),
						"cpu_cores":           sharedschema.ComputedInt("vCPUs."),
						"memory_gb":           sharedschema.ComputedInt("RAM in GB."),
						"gpu_count":           sharedschema.ComputedInt("GPUs; 0 for CPU-only types."),
						"gpu_memory_gb":       sharedschema.ComputedInt("GPU memory in GB, all GPUs together."),
						"gpu_description":     sharedschema.ComputedString("GPU description, such as `1x H100 SXM5 80GB`."),
						"storage_description": sharedschema.ComputedString("Storage description."),
						"price_per_hour":      schema.Float64Attribute{Computed: true, MarkdownDescription: "On-demand price per hour, in `currency`."},
						"spot_price_per_hour": schema.Float64Attribute{Computed: true, MarkdownDescription: "Spot price per hour, in `currency`."},
						"currency":            sharedschema.ComputedString("Currency of the prices."),
						"supported_os":        list("Image types this type supports."),
						"deploy_warning":      sharedschema.ComputedString("Verda's warning for this type, if any."),
						"available_locations": list("Locations that can deploy this type now (spot capacity when `spot` is true)."),
					}},
				},
			},
		},
		Fill: func(ctx context.Context, m *instanceTypesModel) error {
			f := instanceTypeFilter{
				GPUModel: m.GPUModel.ValueString(), MinGPUCount: m.MinGPUCount.ValueInt64(), MaxPrice: m.MaxPricePerHour.ValueFloat64Pointer(),
				LocationCode: m.LocationCode.ValueString(), Spot: m.Spot.ValueBool(),
			}
			all, err := d.Client.ListInstanceTypes(ctx)
			if err != nil {
				return err
			}
			avail, err := d.Client.ListAvailability(ctx, f.Spot)
			if err != nil {
				return err
			}
			m.InstanceTypes = instanceTypesFromAPI(all, avail, f)
			return nil
		},
	})
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
