package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewVolumeTypesDataSource is gpucloud_verda_volume_types.
func NewVolumeTypesDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[volumeTypesModel]{
		Name: "verda_volume_types", Configure: d.configure, Doing: "listing Verda volume types",
		Schema: schema.Schema{
			MarkdownDescription: "Verda's kinds of storage with their prices. Their `type` is the name a volume is created with.",
			Attributes: map[string]schema.Attribute{
				"shared_fs": schema.BoolAttribute{
					Optional: true, MarkdownDescription: "`true` for shared filesystems only, `false` for block volumes only; unset for both.",
				},
				"volume_types": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The matching volume types, in Verda's order.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"type":                   schema.StringAttribute{Computed: true, MarkdownDescription: "Volume type, such as `NVMe`."},
						"price_per_month_per_gb": sharedschema.ComputedFloat("Price per GB and month."),
						"currency":               schema.StringAttribute{Computed: true, MarkdownDescription: "Currency of the price, `usd` or `eur`."},
						"shared_fs":              schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is a shared filesystem."},
						"iops":                   schema.StringAttribute{Computed: true, MarkdownDescription: "IOPS as Verda states it, such as `100k`."},
						"throughput_gbps":        sharedschema.ComputedFloat("Throughput in GB/s."),
						"burst_bandwidth":        sharedschema.ComputedFloat("Burst bandwidth, as Verda states it."),
						"continuous_bandwidth":   sharedschema.ComputedFloat("Continuous bandwidth, as Verda states it."),
						"internal_network_speed": sharedschema.ComputedFloat("Internal network speed, as Verda states it."),
					}},
				},
			},
		},
		Fill: func(ctx context.Context, m *volumeTypesModel) error {
			vts, err := d.Client.ListVolumeTypes(ctx)
			m.VolumeTypes = volumeTypesFromAPI(vts, m.SharedFS.ValueBoolPointer())
			return err
		},
	})
}
