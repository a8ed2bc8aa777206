package nova

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewBillingDataSource is gpucloud_nova_billing.
func NewBillingDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[billingModel]{
		Name: "nova_billing", Configure: d.configure, Doing: "reading Nova Cloud billing",
		Schema: schema.Schema{
			MarkdownDescription: "The account's current spend and balance (`GET /billing/current-spend`; an API key of scope " +
				"`read_write`, `read_only` or `billing_only`). Nova's document names the call but not its answer, so the " +
				"fields are read by the names they may go by, null when the answer has none of them, and the whole answer is " +
				"in `answer_json`.",
			Attributes: map[string]schema.Attribute{
				"current_spend": schema.Float64Attribute{Computed: true, MarkdownDescription: "Current spend as Nova reports it (it may be per hour); null when not reported."},
				"balance":       schema.Float64Attribute{Computed: true, MarkdownDescription: "Balance left; null when not reported."},
				"currency":      schema.StringAttribute{Computed: true, MarkdownDescription: "Currency, such as `USD`; null when not reported."},
				"answer_json":   schema.StringAttribute{Computed: true, MarkdownDescription: "The answer as Nova sent it, for `jsondecode`."},
			},
		},
		Fill: func(ctx context.Context, m *billingModel) error {
			raw, err := d.Client.CurrentSpend(ctx)
			if err == nil {
				*m = billingFromAPI(raw)
			}
			return err
		},
	})
}
