package bluelobster

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewInstanceTypesDataSource is gpucloud_bluelobster_instance_types.
func NewInstanceTypesDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[instanceTypesModel]{
		Name: "bluelobster_instance_types", Configure: d.configure, Doing: "listing Blue Lobster instance types",
		Schema: schema.Schema{
			MarkdownDescription: "Blue Lobster's instance types with their prices and the regions that can launch them now, filtered, cheapest first.",
			Attributes: map[string]schema.Attribute{
				"gpu_model":          schema.StringAttribute{Optional: true, MarkdownDescription: "Only types with this GPU model, such as `A4000`; case does not matter."},
				"min_gpu_count":      schema.Int64Attribute{Optional: true, Validators: []validator.Int64{int64validator.AtLeast(0)}, MarkdownDescription: "Only types with at least this many GPUs."},
				"max_price_per_hour": schema.Float64Attribute{Optional: true, Validators: []validator.Float64{float64validator.AtLeast(0)}, MarkdownDescription: "Only types costing at most this many USD an hour."},
				"region":             schema.StringAttribute{Optional: true, MarkdownDescription: "Only types with capacity in this region now."},
				"available_only":     schema.BoolAttribute{Optional: true, MarkdownDescription: "Only types with capacity in some region now."},
				"instance_types": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The matching types, cheapest first, ties by name.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"name": sharedschema.ComputedString("Type name, for `instance_type`."), "description": sharedschema.ComputedString("Description."),
						"price_per_hour": schema.Float64Attribute{Computed: true, MarkdownDescription: "Price per hour in USD."},
						"vcpus":          sharedschema.ComputedInt("vCPUs."), "memory_gib": sharedschema.ComputedInt("Memory in GiB."), "storage_gib": sharedschema.ComputedInt("Storage in GiB."),
						"gpu_count": sharedschema.ComputedInt("GPUs."), "gpu_model": sharedschema.ComputedString("GPU model."),
						"regions_with_capacity": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Regions that can launch it now."},
					}},
				},
			},
		},
		Fill: func(ctx context.Context, m *instanceTypesModel) error {
			all, err := d.Client.ListInstanceTypes(ctx)
			m.InstanceTypes = instanceTypesFromAPI(all, *m)
			return err
		},
	})
}
