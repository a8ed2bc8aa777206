package verda

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type balanceModel struct {
	Amount   types.Float64 `tfsdk:"amount"`
	Currency types.String  `tfsdk:"currency"`
}

// balanceFromAPI: the document's currency defaults to usd.
func balanceFromAPI(b *api.Balance) balanceModel {
	currency := strings.ToLower(b.Currency)
	if currency == "" {
		currency = "usd"
	}
	return balanceModel{Amount: types.Float64Value(float64(b.Amount)), Currency: types.StringValue(currency)}
}
