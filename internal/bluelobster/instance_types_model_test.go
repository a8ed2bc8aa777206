package bluelobster

import (
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
)

func TestInstanceTypesFromAPI(t *testing.T) {
	all := []api.InstanceType{
		{Name: "gpu_1x_h100", PriceCentsPerHour: 249, GPUs: 1, GPUModel: "H100", Regions: []string{"phl"}},
		{Name: "cpu_8x", PriceCentsPerHour: 12, Regions: []string{"igl"}},
		{Name: "gpu_2x_a6000", PriceCentsPerHour: 120, GPUs: 2, GPUModel: "A6000"},
	}
	names := func(f instanceTypesModel) []string {
		var out []string
		for _, m := range instanceTypesFromAPI(all, f) {
			out = append(out, m.Name)
		}
		return out
	}
	for _, tc := range []struct {
		f    instanceTypesModel
		want []string
	}{
		{instanceTypesModel{}, []string{"cpu_8x", "gpu_2x_a6000", "gpu_1x_h100"}},
		{instanceTypesModel{GPUModel: types.StringValue("h100")}, []string{"gpu_1x_h100"}},
		{instanceTypesModel{MinGPUCount: types.Int64Value(2)}, []string{"gpu_2x_a6000"}},
		{instanceTypesModel{MaxPricePerHour: types.Float64Value(1.5)}, []string{"cpu_8x", "gpu_2x_a6000"}},
		{instanceTypesModel{Region: types.StringValue("igl")}, []string{"cpu_8x"}},
		{instanceTypesModel{AvailableOnly: types.BoolValue(true)}, []string{"cpu_8x", "gpu_1x_h100"}},
	} {
		if got := names(tc.f); !slices.Equal(got, tc.want) {
			t.Errorf("%+v: got %v, want %v", tc.f, got, tc.want)
		}
	}
	if got := instanceTypesFromAPI(all, instanceTypesModel{})[2]; got.PricePerHour != 2.49 || got.Regions[0] != "phl" {
		t.Errorf("%+v", got)
	}
}

func TestInstanceTypesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewInstanceTypesDataSource(), &instanceTypesModel{})
}
