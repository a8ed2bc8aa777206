package verda

import (
	"cmp"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type longTermPeriodsModel struct {
	Of          types.String `tfsdk:"of"`
	EnabledOnly types.Bool   `tfsdk:"enabled_only"`
	Periods     []periodData `tfsdk:"periods"`
}

type periodData struct {
	Code               string  `tfsdk:"code"`
	Name               string  `tfsdk:"name"`
	IsEnabled          bool    `tfsdk:"is_enabled"`
	UnitName           string  `tfsdk:"unit_name"`
	UnitValue          int64   `tfsdk:"unit_value"`
	DiscountPercentage float64 `tfsdk:"discount_percentage"`
}

// unitHours orders periods by length; an unknown unit sorts last.
var unitHours = map[string]int64{"hour": 1, "day": 24, "week": 24 * 7, "month": 24 * 30, "year": 24 * 365}

func longTermPeriodsFromAPI(periods []api.LongTermPeriod, enabledOnly bool) []periodData {
	out := []periodData{}
	for _, p := range periods {
		if enabledOnly && !p.IsEnabled {
			continue
		}
		out = append(out, periodData{Code: p.Code, Name: p.Name, IsEnabled: p.IsEnabled, UnitName: p.UnitName,
			UnitValue: int64(p.UnitValue), DiscountPercentage: float64(p.DiscountPercentage)})
	}
	length := func(p periodData) int64 {
		if h, ok := unitHours[p.UnitName]; ok {
			return h * p.UnitValue
		}
		return 1 << 62
	}
	slices.SortStableFunc(out, func(a, b periodData) int { return cmp.Compare(length(a), length(b)) })
	return out
}
