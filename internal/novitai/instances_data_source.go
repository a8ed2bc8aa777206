package novitai

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewInstancesDataSource is gpucloud_novitai_instances.
func NewInstancesDataSource() datasource.DataSource { return &instancesDataSource{} }

type instancesDataSource struct{ clientHolder }

func (d *instancesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_novitai_instances"
}

func (d *instancesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The instances a novitai service manages, newest first, optionally filtered.",
		Attributes: map[string]schema.Attribute{
			"status": schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances in this status, such as `running`."},
			"region": schema.StringAttribute{Optional: true, MarkdownDescription: "Only instances in this region."},
			"instances": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The matching instances.",
				NestedObject: schema.NestedAttributeObject{Attributes: instanceAttributes(schema.StringAttribute{Computed: true, MarkdownDescription: "The instance's ID."})},
			},
		},
	}
}

func (d *instancesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *instancesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	sharedschema.ReadDataSource(ctx, req, resp, "listing novitai instances", func(ctx context.Context, m *instancesModel) error {
		all, err := d.Client.ListInstances(ctx)
		m.Instances = instancesFromAPI(all, m.Status, m.Region)
		return err
	})
}
