package tensordock

import (
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

func TestHostnodesFromAPI(t *testing.T) {
	nodes := []api.Hostnode{
		hostnode("cpu", "Germany"),
		hostnode("fi", "Finland", api.HostnodeGPU{V0Name: "h100-sxm5-80gb", AvailableCount: 1, PricePerHr: 2.05}),
		hostnode("ny", "United States", api.HostnodeGPU{V0Name: "h100-sxm5-80gb", AvailableCount: 8, PricePerHr: 2.2},
			api.HostnodeGPU{V0Name: "rtx4090-pcie-24gb", AvailableCount: 4, PricePerHr: 0.35}),
	}
	ids := func(f hostnodesModel) []string {
		var out []string
		for _, m := range hostnodesFromAPI(nodes, f) {
			out = append(out, m.ID)
		}
		return out
	}
	for _, tc := range []struct {
		f    hostnodesModel
		want []string
	}{
		{hostnodesModel{}, []string{"ny", "fi", "cpu"}},
		{hostnodesModel{GPUModel: types.StringValue("h100-sxm5-80gb")}, []string{"fi", "ny"}},
		{hostnodesModel{GPUModel: types.StringValue("h100-sxm5-80gb"), MinAvailableGPUs: types.Int64Value(2)}, []string{"ny"}},
		{hostnodesModel{Country: types.StringValue("finland")}, []string{"fi"}},
		{hostnodesModel{MaxGPUPricePerHr: types.Float64Value(1)}, []string{"ny"}},
		{hostnodesModel{MinVCPUs: types.Int64Value(64)}, nil},
	} {
		if got := ids(tc.f); !slices.Equal(got, tc.want) {
			t.Errorf("%+v: got %v, want %v", tc.f, got, tc.want)
		}
	}
}

func TestHostnodesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewHostnodesDataSource(), &hostnodesModel{})
}
