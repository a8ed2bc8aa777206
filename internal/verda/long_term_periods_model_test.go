package verda

import (
	"reflect"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestLongTermPeriodsFromAPI(t *testing.T) {
	periods := []api.LongTermPeriod{
		{Code: "1_YEAR", UnitName: "year", UnitValue: 1, DiscountPercentage: 25},
		{Code: "3_MONTHS", Name: "3 months", IsEnabled: true, UnitName: "month", UnitValue: 3, DiscountPercentage: 14},
		{Code: "2_WEEKS", IsEnabled: true, UnitName: "week", UnitValue: 2, DiscountPercentage: 5.5},
	}
	codes := func(ps []periodData) (out []string) {
		for _, p := range ps {
			out = append(out, p.Code)
		}
		return out
	}
	if got := codes(longTermPeriodsFromAPI(periods, false)); !reflect.DeepEqual(got, []string{"2_WEEKS", "3_MONTHS", "1_YEAR"}) {
		t.Errorf("shortest first: %v", got)
	}
	if got := codes(longTermPeriodsFromAPI(periods, true)); !reflect.DeepEqual(got, []string{"2_WEEKS", "3_MONTHS"}) {
		t.Errorf("enabled only: %v", got)
	}
	want := periodData{Code: "3_MONTHS", Name: "3 months", IsEnabled: true, UnitName: "month", UnitValue: 3, DiscountPercentage: 14}
	if got := longTermPeriodsFromAPI(periods, true)[1]; got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if longTermPeriodsFromAPI(nil, false) == nil {
		t.Error("no periods must be an empty list, not null")
	}
}

func TestLongTermPeriodsParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewLongTermPeriodsDataSource(), &longTermPeriodsModel{})
}
