package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewLongTermPeriodsDataSource is gpucloud_verda_long_term_periods.
func NewLongTermPeriodsDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[longTermPeriodsModel]{
		Name: "verda_long_term_periods", Configure: d.configure, Doing: "listing Verda long-term periods",
		Schema: schema.Schema{
			MarkdownDescription: "The periods a Verda long-term contract (`contract = \"LONG_TERM\"`) can run for, with their discounts.",
			Attributes: map[string]schema.Attribute{
				"of": schema.StringAttribute{
					Optional: true, Validators: []validator.String{stringvalidator.OneOf("instances", "clusters")},
					MarkdownDescription: "`instances` or `clusters`: whose periods to list. Defaults to `instances`.",
				},
				"enabled_only": schema.BoolAttribute{Optional: true, MarkdownDescription: "Only the periods Verda offers now. Defaults to `false`: all of them."},
				"periods": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The periods, shortest first.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"code":                sharedschema.ComputedString("Period code, such as `3_MONTHS`."),
						"name":                sharedschema.ComputedString("Display name, such as `3 months`."),
						"is_enabled":          schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether Verda offers it now."},
						"unit_name":           sharedschema.ComputedString("`hour`, `day`, `week`, `month` or `year`."),
						"unit_value":          schema.Int64Attribute{Computed: true, MarkdownDescription: "How many units."},
						"discount_percentage": schema.Float64Attribute{Computed: true, MarkdownDescription: "Discount on the on-demand price, in percent."},
					}},
				},
			},
		},
		Fill: func(ctx context.Context, m *longTermPeriodsModel) error {
			of := m.Of.ValueString()
			if of == "" {
				of = "instances"
			}
			periods, err := d.Client.ListLongTermPeriods(ctx, of)
			m.Periods = longTermPeriodsFromAPI(periods, m.EnabledOnly.ValueBool())
			return err
		},
	})
}
