package verda

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestBalanceFromAPI(t *testing.T) {
	if m := balanceFromAPI(&api.Balance{Amount: 1000.5, Currency: "EUR"}); m.Amount.ValueFloat64() != 1000.5 || m.Currency.ValueString() != "eur" {
		t.Errorf("%+v", m)
	}
	if m := balanceFromAPI(&api.Balance{Amount: 3}); m.Currency.ValueString() != "usd" {
		t.Errorf("the document's default currency is usd: %+v", m)
	}
}

func TestBalanceParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewBalanceDataSource(), &balanceModel{})
}
