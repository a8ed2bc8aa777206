package nova

import (
	"encoding/json"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
)

func TestBillingFromAPI(t *testing.T) {
	for _, tc := range []struct {
		answer         string
		spend, balance float64
		spendOK, balOK bool
		currency       string
	}{
		{`{"hourly_spend": 1.5, "balance": 20, "currency": "usd"}`, 1.5, 20, true, true, "USD"},
		{`{"data": {"currentSpend": "$3.25", "availableBalance": "10.50"}}`, 3.25, 10.5, true, true, ""},
		{`{"spend": 0}`, 0, 0, true, false, ""},
		{`{"something": "else"}`, 0, 0, false, false, ""},
		{`[1, 2]`, 0, 0, false, false, ""},
	} {
		m := billingFromAPI(json.RawMessage(tc.answer))
		if m.CurrentSpend.IsNull() == tc.spendOK || tc.spendOK && m.CurrentSpend.ValueFloat64() != tc.spend {
			t.Errorf("%s: current_spend %s", tc.answer, m.CurrentSpend)
		}
		if m.Balance.IsNull() == tc.balOK || tc.balOK && m.Balance.ValueFloat64() != tc.balance {
			t.Errorf("%s: balance %s", tc.answer, m.Balance)
		}
		if tc.currency != "" && m.Currency.ValueString() != tc.currency || tc.currency == "" && !m.Currency.IsNull() {
			t.Errorf("%s: currency %s", tc.answer, m.Currency)
		}
		if m.AnswerJSON.ValueString() != tc.answer {
			t.Errorf("the answer is kept as it came: %s", m.AnswerJSON)
		}
	}
}

func TestBillingParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewBillingDataSource(), &billingModel{})
}
