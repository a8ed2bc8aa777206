package tensordock

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
)

func hostnodeAttributes() map[string]schema.Attribute {
	str := func(d string) schema.Attribute { return schema.StringAttribute{Computed: true, MarkdownDescription: d} }
	num := func(d string) schema.Attribute {
		return schema.Float64Attribute{Computed: true, MarkdownDescription: d}
	}
	integer := func(d string) schema.Attribute { return schema.Int64Attribute{Computed: true, MarkdownDescription: d} }
	return map[string]schema.Attribute{
		"id": str("Hostnode ID, for `gpucloud_tensordock_instance.hostnode_id`."), "location_id": str("Location ID."),
		"engine": str("Virtualisation engine."), "uptime_percentage": num("Uptime in percent."),
		"city": str("City."), "stateprovince": str("State or province."), "country": str("Country."),
		"tier": integer("Datacenter tier."), "network_speed_gbps": num("Network speed in Gbit/s."),
		"network_speed_upload_gbps": num("Upload speed in Gbit/s."),
		"has_network_storage":       schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the location has network storage."},
		"vcpu_count":                integer("Free vCPUs."), "ram_gb": integer("Free RAM in GB."), "storage_gb": integer("Free storage in GB."),
		"per_vcpu_hr": num("Price per vCPU and hour."), "per_gb_ram_hr": num("Price per GB of RAM and hour."),
		"per_gb_storage_hr": num("Price per GB of storage and hour."),
		"gpus": schema.ListNestedAttribute{
			Computed: true, MarkdownDescription: "Free GPUs by model.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"v0_name": str("GPU model, for `gpu_model`."), "available_count": integer("Free GPUs of this model."),
				"price_per_hour": num("Price per GPU and hour."),
			}},
		},
		"gpu_price_per_hour": num("Price per hour of one GPU of the `gpu_model` filter, or of the cheapest GPU here; null on CPU-only hostnodes."),
	}
}

// NewHostnodeDataSource is gpucloud_tensordock_hostnode.
func NewHostnodeDataSource() datasource.DataSource { return &hostnodeDataSource{} }

type hostnodeDataSource struct{ clientHolder }

func (d *hostnodeDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tensordock_hostnode"
}

func (d *hostnodeDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := hostnodeAttributes()
	attrs["id"] = schema.StringAttribute{Required: true, MarkdownDescription: "The hostnode's ID."}
	attrs["available_ports"] = schema.ListAttribute{Computed: true, ElementType: types.Int64Type, MarkdownDescription: "External ports free for `port_forwards`."}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One TensorDock hostnode with its free resources and the external ports free for port forwards.",
		Attributes:          attrs,
	}
}

func (d *hostnodeDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *hostnodeDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var id types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	n, err := d.Client.GetHostnode(ctx, id.ValueString())
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+apierr.Describe("TensorDock", "hostnode", id.ValueString()), err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, hostnodeDataFromAPI(n))...)
}
