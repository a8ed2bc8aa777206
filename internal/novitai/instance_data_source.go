package novitai

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewInstanceDataSource is gpucloud_novitai_instance.
func NewInstanceDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[instanceData]{
		Name: "novitai_instance", Configure: d.configure, Doing: "reading a novitai instance",
		Schema: schema.Schema{
			MarkdownDescription: "One novitai instance by ID, with its connection details.",
			Attributes:          instanceAttributes(schema.StringAttribute{Required: true, MarkdownDescription: "The instance's ID."}),
		},
		Fill: func(ctx context.Context, m *instanceData) error {
			inst, err := d.Client.GetInstance(ctx, m.ID.ValueString())
			if err != nil {
				return err
			}
			*m = instanceDataFromAPI(inst)
			return nil
		},
	})
}

func instanceAttributes(id schema.Attribute) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id": id, "name": sharedschema.ComputedString("Name."), "status": sharedschema.ComputedString("Lifecycle status."), "region": sharedschema.ComputedString("Region."),
		"gpu_num": schema.Int64Attribute{Computed: true, MarkdownDescription: "GPUs."},
		"port_mappings": schema.ListNestedAttribute{
			Computed: true, MarkdownDescription: "Ports reachable from outside.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"port":     schema.Int64Attribute{Computed: true, MarkdownDescription: "The instance's port."},
				"endpoint": sharedschema.ComputedString("Where it is reachable, such as `203.0.113.7:30022`."),
				"type":     sharedschema.ComputedString("What it serves, such as `ssh` or `http`."),
			}},
		},
		"connection_details": schema.SingleNestedAttribute{
			Computed: true, MarkdownDescription: "How to connect (only on a single instance's details).",
			Attributes: map[string]schema.Attribute{
				"ssh": sharedschema.ComputedString("The SSH command or address."), "jupyter": sharedschema.ComputedString("The Jupyter URL."), "web_terminal": sharedschema.ComputedString("The web terminal URL."),
			},
		},
		"created_at": sharedschema.ComputedString("Creation time."), "ready_at": sharedschema.ComputedString("When it last became ready."),
	}
}
