package verda

import (
	"reflect"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestInstanceTypesFromAPI(t *testing.T) {
	mk := func(name, model string, gpus int64, price, spot float64) api.InstanceType {
		return api.InstanceType{InstanceType: name, Model: model, Name: model + " 80GB", GPU: api.Hardware{NumberOfGPUs: gpus}, PricePerHour: api.Number(price), SpotPrice: api.Number(spot)}
	}
	all := []api.InstanceType{
		mk("8H100", "H100", 8, 25, 10), mk("1H100", "H100", 1, 3, 1.2), mk("1A100", "A100", 1, 1.3, 0),
		mk("1L40S", "L40S", 1, 1.1, 0.4), mk("1L40S-b", "L40S", 1, 1.1, 0.4),
	}
	avail := []api.LocationAvailability{{LocationCode: "FIN-02", Availabilities: []string{"1H100", "8H100"}}, {LocationCode: "FIN-01", Availabilities: []string{"1H100"}}}
	names := func(ms []instanceTypeModel) []string {
		out := []string{}
		for _, m := range ms {
			out = append(out, m.InstanceType)
		}
		return out
	}
	price := 3.0
	cases := []struct {
		f    instanceTypeFilter
		want []string
	}{
		{instanceTypeFilter{}, []string{"1L40S", "1L40S-b", "1A100", "1H100", "8H100"}},
		{instanceTypeFilter{GPUModel: "h100 80gb"}, []string{"1H100", "8H100"}},
		{instanceTypeFilter{MinGPUCount: 2}, []string{"8H100"}},
		{instanceTypeFilter{MaxPrice: &price}, []string{"1L40S", "1L40S-b", "1A100", "1H100"}},
		{instanceTypeFilter{LocationCode: "fin-01"}, []string{"1H100"}},
		// Spot: sorted by spot price, and types without a spot price drop out.
		{instanceTypeFilter{Spot: true}, []string{"1L40S", "1L40S-b", "1H100", "8H100"}},
		{instanceTypeFilter{GPUModel: "B200"}, []string{}},
	}
	for _, tc := range cases {
		if got := names(instanceTypesFromAPI(all, avail, tc.f)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("filter %+v: got %v, want %v", tc.f, got, tc.want)
		}
	}
	h := instanceTypesFromAPI(all, avail, instanceTypeFilter{GPUModel: "H100", MinGPUCount: 8})[0]
	if !reflect.DeepEqual(h.AvailableLocations, []string{"FIN-02"}) || h.SupportedOS == nil {
		t.Fatalf("8H100 %+v", h)
	}
	one := instanceTypesFromAPI(all, avail, instanceTypeFilter{GPUModel: "H100", MinGPUCount: 1, MaxPrice: &price})[0]
	if !reflect.DeepEqual(one.AvailableLocations, []string{"FIN-01", "FIN-02"}) {
		t.Fatalf("locations must be sorted: %v", one.AvailableLocations)
	}
}

func TestInstanceTypesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewInstanceTypesDataSource(), &instanceTypesModel{})
}
