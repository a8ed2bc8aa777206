package verda

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/lookup"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// NewInstanceDataSource is gpucloud_verda_instance.
func NewInstanceDataSource() datasource.DataSource {
	var d clientHolder
	attributes := instanceDataAttributes()
	attributes["id"] = schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The instance's ID."}
	attributes["hostname"] = schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The instance's hostname; it must match exactly one instance."}
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[instanceDataModel]{
		Name: "verda_instance", Configure: d.configure, Doing: "reading Verda instance",
		Validators: []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("hostname"))},
		Schema: schema.Schema{
			MarkdownDescription: "One Verda instance, found by `id` or by `hostname` (exactly one of them), whoever created it.",
			Attributes:          attributes,
		},
		Fill: func(ctx context.Context, m *instanceDataModel) error {
			inst, err := findInstance(ctx, d.Client, m.ID.ValueString(), m.Hostname.ValueString())
			if err != nil {
				return err
			}
			*m = instanceDataFromAPI(inst)
			return nil
		},
	})
}

// findInstance finds the one instance with this ID, or else this hostname.
func findInstance(ctx context.Context, client *api.Client, id, hostname string) (*api.Instance, error) {
	if id != "" {
		inst, err := client.GetInstance(ctx, id)
		if transport.IsNotFound(err) {
			return nil, fmt.Errorf("no Verda instance has the ID %q", id)
		}
		return inst, err
	}
	all, err := client.ListInstances(ctx)
	if err != nil {
		return nil, err
	}
	return lookup.One(all, "", hostname, lookup.Kind{What: "Verda instance", Attr: "hostname"},
		func(i *api.Instance) (string, string) { return i.ID, i.Hostname })
}

// instanceDataAttributes are what the instance data sources tell of one
// instance, all computed.
func instanceDataAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":                sharedschema.ComputedString("The instance's ID."),
		"hostname":          sharedschema.ComputedString("The instance's hostname."),
		"instance_type":     sharedschema.ComputedString("Instance type."),
		"image":             sharedschema.ComputedString("Image as Verda reports it (an image type, or sometimes its ID)."),
		"description":       sharedschema.ComputedString("Description."),
		"location_code":     sharedschema.ComputedString("Location."),
		"status":            sharedschema.ComputedString("Verda's status."),
		"ip":                sharedschema.ComputedString("Public IPv4 address, if any."),
		"is_spot":           schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is a spot instance."},
		"contract":          sharedschema.ComputedString("Billing contract."),
		"price_per_hour":    schema.Float64Attribute{Computed: true, MarkdownDescription: "Price per hour in the project's currency (`usd` or `eur`)."},
		"ssh_key_ids":       schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "SSH key IDs."},
		"startup_script_id": sharedschema.ComputedString("Startup script ID, if any."),
		"os_volume_id":      sharedschema.ComputedString("OS volume ID."),
		"volume_ids":        schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Attached volumes, the OS volume first."},
		"os_name":           sharedschema.ComputedString("Operating system."),
		"cpu_cores":         sharedschema.ComputedInt("vCPUs."),
		"gpu_count":         sharedschema.ComputedInt("GPUs."),
		"gpu_description":   sharedschema.ComputedString("GPU description."),
		"gpu_memory_gb":     sharedschema.ComputedInt("GPU memory in GB."),
		"memory_gb":         sharedschema.ComputedInt("RAM in GB."),
		"jupyter_token":     schema.StringAttribute{Computed: true, Sensitive: true, MarkdownDescription: "Jupyter token."},
		"created_at":        sharedschema.ComputedString("Creation time."),
	}
}
