package novitai

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

type instanceData struct {
	ID                types.String `tfsdk:"id"`
	Name              types.String `tfsdk:"name"`
	Status            types.String `tfsdk:"status"`
	GPUNum            types.Int64  `tfsdk:"gpu_num"`
	Region            types.String `tfsdk:"region"`
	PortMappings      types.List   `tfsdk:"port_mappings"`
	ConnectionDetails types.Object `tfsdk:"connection_details"`
	CreatedAt         types.String `tfsdk:"created_at"`
	ReadyAt           types.String `tfsdk:"ready_at"`
}

func instanceDataFromAPI(i *api.Instance) instanceData {
	rep := report(i)
	return instanceData{
		ID: types.StringValue(i.ID), Name: types.StringValue(i.Name), Status: rep.Status, GPUNum: types.Int64Value(i.GPUNum),
		Region: types.StringValue(i.Region), PortMappings: rep.PortMappings, ConnectionDetails: rep.ConnectionDetails,
		CreatedAt: rep.CreatedAt, ReadyAt: rep.ReadyAt,
	}
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
	inst, err := d.client.GetInstance(ctx, id.ValueString())
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+apierr.Describe("novitai", "instance", id.ValueString()), err))
		return
	}
	m := instanceDataFromAPI(inst)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// NewInstancesDataSource is gpucloud_novitai_instances.
func NewInstancesDataSource() datasource.DataSource { return &instancesDataSource{} }

type instancesDataSource struct{ clientHolder }

type instancesModel struct {
	Status    types.String   `tfsdk:"status"`
	Region    types.String   `tfsdk:"region"`
	Instances []instanceData `tfsdk:"instances"`
}

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
		all, err := d.client.ListInstances(ctx)
		m.Instances = []instanceData{}
		for i := range all {
			if (m.Status.IsNull() || strings.EqualFold(m.Status.ValueString(), all[i].Status)) &&
				(m.Region.IsNull() || strings.EqualFold(m.Region.ValueString(), all[i].Region)) {
				m.Instances = append(m.Instances, instanceDataFromAPI(&all[i]))
			}
		}
		return err
	})
}
