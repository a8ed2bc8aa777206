package novitai

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
)

// NewInstanceDataSource is gpucloud_novitai_instance.
func NewInstanceDataSource() datasource.DataSource { return &instanceDataSource{} }

type instanceDataSource struct{ clientHolder }

func (d *instanceDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_novitai_instance"
}

func (d *instanceDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "One novitai instance by ID, with its connection details.",
		Attributes:          instanceAttributes(schema.StringAttribute{Required: true, MarkdownDescription: "The instance's ID."}),
	}
}

func (d *instanceDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *instanceDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var id types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	inst, err := d.Client.GetInstance(ctx, id.ValueString())
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+apierr.Describe("novitai", "instance", id.ValueString()), err))
		return
	}
	m := instanceDataFromAPI(inst)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func instanceAttributes(id schema.Attribute) map[string]schema.Attribute {
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	return map[string]schema.Attribute{
		"id": id, "name": str("Name."), "status": str("Lifecycle status."), "region": str("Region."),
		"gpu_num": schema.Int64Attribute{Computed: true, MarkdownDescription: "GPUs."},
		"port_mappings": schema.ListNestedAttribute{
			Computed: true, MarkdownDescription: "Ports reachable from outside.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"port":     schema.Int64Attribute{Computed: true, MarkdownDescription: "The instance's port."},
				"endpoint": str("Where it is reachable, such as `203.0.113.7:30022`."),
				"type":     str("What it serves, such as `ssh` or `http`."),
			}},
		},
		"connection_details": schema.SingleNestedAttribute{
			Computed: true, MarkdownDescription: "How to connect (only on a single instance's details).",
			Attributes: map[string]schema.Attribute{
				"ssh": str("The SSH command or address."), "jupyter": str("The Jupyter URL."), "web_terminal": str("The web terminal URL."),
			},
		},
		"created_at": str("Creation time."), "ready_at": str("When it last became ready."),
	}
}
