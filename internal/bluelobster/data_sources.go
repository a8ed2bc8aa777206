package bluelobster

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewInstanceTypesDataSource is gpucloud_bluelobster_instance_types.
func NewInstanceTypesDataSource() datasource.DataSource { return &instanceTypesDataSource{} }

type instanceTypesDataSource struct{ clientHolder }

type instanceTypesModel struct {
	GPUModel        types.String        `tfsdk:"gpu_model"`
	MinGPUCount     types.Int64         `tfsdk:"min_gpu_count"`
	MaxPricePerHour types.Float64       `tfsdk:"max_price_per_hour"`
	Region          types.String        `tfsdk:"region"`
	AvailableOnly   types.Bool          `tfsdk:"available_only"`
	InstanceTypes   []instanceTypeModel `tfsdk:"instance_types"`
}

type instanceTypeModel struct {
	Name         string   `tfsdk:"name"`
	Description  string   `tfsdk:"description"`
	PricePerHour float64  `tfsdk:"price_per_hour"`
	VCPUs        int64    `tfsdk:"vcpus"`
	MemoryGiB    int64    `tfsdk:"memory_gib"`
	StorageGiB   int64    `tfsdk:"storage_gib"`
	GPUCount     int64    `tfsdk:"gpu_count"`
	GPUModel     string   `tfsdk:"gpu_model"`
	Regions      []string `tfsdk:"regions_with_capacity"`
}

func (d *instanceTypesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_bluelobster_instance_types"
}

func (d *instanceTypesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	integer := func(desc string) schema.Attribute {
		return schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Blue Lobster's instance types with their prices and the regions that can launch them now, filtered, cheapest first.",
		Attributes: map[string]schema.Attribute{
			"gpu_model":          schema.StringAttribute{Optional: true, MarkdownDescription: "Only types with this GPU model, such as `A4000`; case does not matter."},
			"min_gpu_count":      schema.Int64Attribute{Optional: true, Validators: []validator.Int64{int64validator.AtLeast(0)}, MarkdownDescription: "Only types with at least this many GPUs."},
			"max_price_per_hour": schema.Float64Attribute{Optional: true, Validators: []validator.Float64{float64validator.AtLeast(0)}, MarkdownDescription: "Only types costing at most this many USD an hour."},
			"region":             schema.StringAttribute{Optional: true, MarkdownDescription: "Only types with capacity in this region now."},
			"available_only":     schema.BoolAttribute{Optional: true, MarkdownDescription: "Only types with capacity in some region now."},
			"instance_types": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The matching types, cheapest first, ties by name.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name": str("Type name, for `instance_type`."), "description": str("Description."),
					"price_per_hour": schema.Float64Attribute{Computed: true, MarkdownDescription: "Price per hour in USD."},
					"vcpus":          integer("vCPUs."), "memory_gib": integer("Memory in GiB."), "storage_gib": integer("Storage in GiB."),
					"gpu_count": integer("GPUs."), "gpu_model": str("GPU model."),
					"regions_with_capacity": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Regions that can launch it now."},
				}},
			},
		},
	}
}

func (d *instanceTypesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *instanceTypesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	sharedschema.ReadDataSource(ctx, req, resp, "listing Blue Lobster instance types", func(ctx context.Context, m *instanceTypesModel) error {
		all, err := d.client.ListInstanceTypes(ctx)
		m.InstanceTypes = filterInstanceTypes(all, *m)
		return err
	})
}

func filterInstanceTypes(all []api.InstanceType, f instanceTypesModel) []instanceTypeModel {
	out := []instanceTypeModel{}
	for _, t := range all {
		price := t.PriceCentsPerHour / 100
		switch {
		case !f.GPUModel.IsNull() && !strings.EqualFold(f.GPUModel.ValueString(), t.GPUModel),
			t.GPUs < f.MinGPUCount.ValueInt64(),
			!f.MaxPricePerHour.IsNull() && price > f.MaxPricePerHour.ValueFloat64(),
			!f.Region.IsNull() && !slices.Contains(t.Regions, f.Region.ValueString()),
			f.AvailableOnly.ValueBool() && len(t.Regions) == 0:
			continue
		}
		out = append(out, instanceTypeModel{
			Name: t.Name, Description: t.Description, PricePerHour: price, VCPUs: t.VCPUs, MemoryGiB: t.MemoryGiB,
			StorageGiB: t.StorageGiB, GPUCount: t.GPUs, GPUModel: t.GPUModel, Regions: append([]string{}, t.Regions...),
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].PricePerHour != out[j].PricePerHour {
			return out[i].PricePerHour < out[j].PricePerHour
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// NewImagesDataSource is gpucloud_bluelobster_images.
func NewImagesDataSource() datasource.DataSource { return &imagesDataSource{} }

type imagesDataSource struct{ clientHolder }

type imagesModel struct {
	HasNvidia types.Bool   `tfsdk:"has_nvidia"`
	Images    []imageModel `tfsdk:"images"`
}

type imageModel struct {
	Name        string `tfsdk:"name"`
	VMID        int64  `tfsdk:"vmid"`
	DisplayName string `tfsdk:"display_name"`
	OSType      string `tfsdk:"os_type"`
	HasNvidia   bool   `tfsdk:"has_nvidia"`
}

func (d *imagesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_bluelobster_images"
}

func (d *imagesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Blue Lobster's OS templates, for `gpucloud_bluelobster_instance.template_name`.",
		Attributes: map[string]schema.Attribute{
			"has_nvidia": schema.BoolAttribute{Optional: true, MarkdownDescription: "Only templates with (`true`) or without (`false`) NVIDIA drivers."},
			"images": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The matching templates.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":         schema.StringAttribute{Computed: true, MarkdownDescription: "Template name, for `template_name`."},
					"vmid":         schema.Int64Attribute{Computed: true, MarkdownDescription: "Template VM ID."},
					"display_name": schema.StringAttribute{Computed: true, MarkdownDescription: "Display name."},
					"os_type":      schema.StringAttribute{Computed: true, MarkdownDescription: "OS family."},
					"has_nvidia":   schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether NVIDIA drivers are installed."},
				}},
			},
		},
	}
}

func (d *imagesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *imagesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	sharedschema.ReadDataSource(ctx, req, resp, "listing Blue Lobster templates", func(ctx context.Context, m *imagesModel) error {
		templates, err := d.client.ListTemplates(ctx)
		m.Images = []imageModel{}
		for _, t := range templates {
			if m.HasNvidia.IsNull() || m.HasNvidia.ValueBool() == t.HasNvidia {
				m.Images = append(m.Images, imageModel{Name: t.Name, VMID: t.VMID, DisplayName: t.DisplayName, OSType: t.OSType, HasNvidia: t.HasNvidia})
			}
		}
		return err
	})
}

// NewBackupsDataSource is gpucloud_bluelobster_backups.
func NewBackupsDataSource() datasource.DataSource { return &backupsDataSource{} }

type backupsDataSource struct{ clientHolder }

type backupsModel struct {
	InstanceID types.String  `tfsdk:"instance_id"`
	Backups    []backupModel `tfsdk:"backups"`
}

type backupModel struct {
	VolID     string `tfsdk:"volid"`
	SizeBytes int64  `tfsdk:"size_bytes"`
	SizeHuman string `tfsdk:"size_human"`
	CreatedAt string `tfsdk:"created_at"`
	Format    string `tfsdk:"format"`
	Notes     string `tfsdk:"notes"`
}

func (d *backupsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_bluelobster_backups"
}

func (d *backupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The backups of one Blue Lobster instance, oldest first.",
		Attributes: map[string]schema.Attribute{
			"instance_id": schema.StringAttribute{Required: true, MarkdownDescription: "The instance."},
			"backups": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "Its backups.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"volid": str("Backup volume ID, for restores."), "size_bytes": schema.Int64Attribute{Computed: true, MarkdownDescription: "Size in bytes."},
					"size_human": str("Size, readable."), "created_at": str("When it was taken."), "format": str("Backup format."), "notes": str("Notes."),
				}},
			},
		},
	}
}

func (d *backupsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

func (d *backupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	sharedschema.ReadDataSource(ctx, req, resp, "listing Blue Lobster backups", func(ctx context.Context, m *backupsModel) error {
		backups, err := d.client.ListBackups(ctx, m.InstanceID.ValueString())
		m.Backups = []backupModel{}
		for _, b := range backups {
			m.Backups = append(m.Backups, backupModel{VolID: b.VolID, SizeBytes: b.SizeBytes, SizeHuman: b.SizeHuman, CreatedAt: b.CreatedAt, Format: b.Format, Notes: b.Notes})
		}
		return err
	})
}
