package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewServerlessComputeDataSource is gpucloud_verda_serverless_compute.
func NewServerlessComputeDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[serverlessComputeModel]{
		Name: "verda_serverless_compute", Configure: d.configure, Doing: "listing Verda serverless compute",
		Schema: schema.Schema{
			MarkdownDescription: "The compute a serverless deployment or job can ask for in its `compute { name, size }` " +
				"(`GET /serverless-compute-resources`): a GPU, or general compute, and how many.",
			Attributes: map[string]schema.Attribute{
				"available_only": schema.BoolAttribute{Optional: true, MarkdownDescription: "Only what Verda has available now. Defaults to `false`: all of it."},
				"compute": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The compute resources, by name then size.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"name":         sharedschema.ComputedString("The resource's name, such as `H100` or `General Compute`."),
						"size":         sharedschema.ComputedInt("How many (GPUs)."),
						"is_available": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether Verda has it available now."},
					}},
				},
			},
		},
		Fill: func(ctx context.Context, m *serverlessComputeModel) error {
			all, err := d.Client.ListComputeResources(ctx)
			m.Compute = computeFromAPI(all, m.AvailableOnly.ValueBool())
			return err
		},
	})
}
