package validate

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCurrencyCode(t *testing.T) {
	for s, ok := range map[string]bool{"USD": true, "eur": true, "US": false, "EURO": false, "U5D": false} {
		resp := &validator.StringResponse{}
		CurrencyCode().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("currency"), ConfigValue: types.StringValue(s)}, resp)
		if resp.Diagnostics.HasError() == ok {
			t.Errorf("%q: accepted %v, want %v", s, !resp.Diagnostics.HasError(), ok)
		}
	}
}

func TestExchangeRates(t *testing.T) {
	cases := []struct {
		rates map[string]float64
		ok    bool
	}{
		{map[string]float64{"EUR": 1.08}, true},
		{map[string]float64{"EURO": 1.08}, false},
		{map[string]float64{"EUR": 0}, false},
	}
	for _, c := range cases {
		elems := map[string]attr.Value{}
		for k, v := range c.rates {
			elems[k] = types.Float64Value(v)
		}
		resp := &validator.MapResponse{}
		for _, v := range ExchangeRates() {
			v.ValidateMap(context.Background(), validator.MapRequest{Path: path.Root("exchange_rates"), ConfigValue: types.MapValueMust(types.Float64Type, elems)}, resp)
		}
		if resp.Diagnostics.HasError() == c.ok {
			t.Errorf("%v: accepted %v, want %v", c.rates, !resp.Diagnostics.HasError(), c.ok)
		}
	}
}
