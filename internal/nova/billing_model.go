package nova

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

type billingModel struct {
	CurrentSpend types.Float64 `tfsdk:"current_spend"`
	Balance      types.Float64 `tfsdk:"balance"`
	Currency     types.String  `tfsdk:"currency"`
	AnswerJSON   types.String  `tfsdk:"answer_json"`
}

// The names the fields may go by; the document gives none.
var (
	spendNames    = []string{"current_spend", "currentSpend", "spend", "hourly_spend", "hourlySpend", "total_spend", "totalSpend", "total", "amount"}
	balanceNames  = []string{"balance", "available_balance", "availableBalance", "available", "credit", "credits"}
	currencyNames = []string{"currency", "currency_code", "currencyCode"}
)

// billingFromAPI reads what it can of the answer: numbers or numeric
// strings (with or without a "$"), at the top or inside "data".
func billingFromAPI(raw json.RawMessage) billingModel {
	m := billingModel{CurrentSpend: types.Float64Null(), Balance: types.Float64Null(), Currency: types.StringNull(), AnswerJSON: types.StringValue(string(raw))}
	var top map[string]any
	if json.Unmarshal(raw, &top) != nil {
		return m
	}
	fields := []map[string]any{top}
	if data, ok := top["data"].(map[string]any); ok {
		fields = append(fields, data)
	}
	for _, f := range fields {
		if v, ok := firstNumber(f, spendNames); ok && m.CurrentSpend.IsNull() {
			m.CurrentSpend = types.Float64Value(v)
		}
		if v, ok := firstNumber(f, balanceNames); ok && m.Balance.IsNull() {
			m.Balance = types.Float64Value(v)
		}
		for _, name := range currencyNames {
			if s, ok := f[name].(string); ok && s != "" && m.Currency.IsNull() {
				m.Currency = types.StringValue(strings.ToUpper(s))
			}
		}
	}
	return m
}

func firstNumber(fields map[string]any, names []string) (float64, bool) {
	for _, name := range names {
		switch v := fields[name].(type) {
		case float64:
			return v, true
		case string:
			if f, err := strconv.ParseFloat(strings.TrimPrefix(strings.TrimSpace(v), "$"), 64); err == nil {
				return f, true
			}
		}
	}
	return 0, false
}
