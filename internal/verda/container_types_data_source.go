package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewContainerTypesDataSource is gpucloud_verda_container_types.
func NewContainerTypesDataSource() datasource.DataSource {
	var d clientHolder
	str, integer, float := sharedschema.ComputedString, sharedschema.ComputedInt, sharedschema.ComputedFloat
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[containerTypesModel]{
		Name: "verda_container_types", Configure: d.configure, Doing: "listing Verda container types",
		Schema: schema.Schema{
			MarkdownDescription: "The GPU types Verda's serverless containers run on, with their serverless prices (`GET /container-types`).",
			Attributes: map[string]schema.Attribute{
				"currency": schema.StringAttribute{
					Optional: true, Validators: []validator.String{stringvalidator.OneOf("usd", "eur")},
					MarkdownDescription: "`usd` or `eur`: the currency of the prices. Unset by default: Verda's default, `usd`.",
				},
				"container_types": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The container types, cheapest first.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"id": str("Type ID."), "model": str("GPU model, such as `H100`."), "name": str("Display name."),
						"instance_type": str("The matching instance type."), "manufacturer": str("GPU maker."),
						"gpu_count": integer("GPUs."), "gpu_memory_gb": integer("GPU memory in GB."), "cpu_cores": integer("vCPUs."),
						"memory_gb": integer("RAM in GB."), "currency": str("Currency of the prices."),
						"serverless_price": float("Price per hour of a replica."), "serverless_spot_price": float("Spot price per hour of a replica."),
					}},
				},
			},
		},
		Fill: func(ctx context.Context, m *containerTypesModel) error {
			types, err := d.Client.ListContainerTypes(ctx, m.Currency.ValueString())
			m.ContainerTypes = containerTypesFromAPI(types)
			return err
		},
	})
}
