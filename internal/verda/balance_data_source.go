package verda

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewBalanceDataSource is gpucloud_verda_balance.
func NewBalanceDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[balanceModel]{
		Name: "verda_balance", Configure: d.configure, Doing: "reading the Verda balance",
		Schema: schema.Schema{
			MarkdownDescription: "The project's balance: what is left to pay for instances and volumes. A check block or a " +
				"precondition on it stops a plan before it rents what the balance cannot cover.",
			Attributes: map[string]schema.Attribute{
				"amount":   schema.Float64Attribute{Computed: true, MarkdownDescription: "The balance, in `currency`."},
				"currency": schema.StringAttribute{Computed: true, MarkdownDescription: "`usd` or `eur`."},
			},
		},
		Fill: func(ctx context.Context, m *balanceModel) error {
			b, err := d.Client.GetBalance(ctx)
			if err == nil {
				*m = balanceFromAPI(b)
			}
			return err
		},
	})
}
