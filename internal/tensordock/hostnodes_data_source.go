package tensordock

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewHostnodesDataSource is gpucloud_tensordock_hostnodes.
func NewHostnodesDataSource() datasource.DataSource {
	var d clientHolder
	atLeast0 := []validator.Int64{int64validator.AtLeast(0)}
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[hostnodesModel]{
		Name: "tensordock_hostnodes", Configure: d.configure, Doing: "listing TensorDock hostnodes",
		Schema: schema.Schema{
			MarkdownDescription: "TensorDock hostnodes with free resources, filtered, cheapest GPU first (CPU-only hostnodes last). " +
				"Stock changes by the minute.",
			Attributes: map[string]schema.Attribute{
				"gpu_model":              schema.StringAttribute{Optional: true, MarkdownDescription: "Only hostnodes with free GPUs of this `v0Name`, such as `h100-sxm5-80gb`."},
				"min_available_gpus":     schema.Int64Attribute{Optional: true, Validators: atLeast0, MarkdownDescription: "Only hostnodes with at least this many free GPUs (of `gpu_model` when set)."},
				"country":                schema.StringAttribute{Optional: true, MarkdownDescription: "Only hostnodes in this country, such as `Finland`; case does not matter."},
				"city":                   schema.StringAttribute{Optional: true, MarkdownDescription: "Only hostnodes in this city; case does not matter."},
				"max_gpu_price_per_hour": schema.Float64Attribute{Optional: true, Validators: []validator.Float64{float64validator.AtLeast(0)}, MarkdownDescription: "Only hostnodes whose `gpu_price_per_hour` is at most this."},
				"min_vcpus":              schema.Int64Attribute{Optional: true, Validators: atLeast0, MarkdownDescription: "Only hostnodes with at least this many free vCPUs."},
				"min_ram_gb":             schema.Int64Attribute{Optional: true, Validators: atLeast0, MarkdownDescription: "Only hostnodes with at least this much free RAM."},
				"min_storage_gb":         schema.Int64Attribute{Optional: true, Validators: atLeast0, MarkdownDescription: "Only hostnodes with at least this much free storage."},
				"min_uptime_percentage":  schema.Float64Attribute{Optional: true, Validators: []validator.Float64{float64validator.Between(0, 100)}, MarkdownDescription: "Only hostnodes at least this reliable."},
				"hostnodes": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The matching hostnodes.",
					NestedObject: schema.NestedAttributeObject{Attributes: hostnodeAttributes()},
				},
			},
		},
		Fill: func(ctx context.Context, m *hostnodesModel) error {
			nodes, err := d.Client.ListHostnodes(ctx)
			m.Hostnodes = hostnodesFromAPI(nodes, *m)
			return err
		},
	})
}
