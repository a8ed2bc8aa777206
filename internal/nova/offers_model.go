package nova

import (
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
)

type offersModel struct {
	GPUType         types.String  `tfsdk:"gpu_type"`
	MinGPUCount     types.Int64   `tfsdk:"min_gpu_count"`
	AvailableOnly   types.Bool    `tfsdk:"available_only"`
	MaxPricePerHour types.Float64 `tfsdk:"max_price_per_hour"`
	Interruptible   types.Bool    `tfsdk:"interruptible"`
	Offers          []offerModel  `tfsdk:"offers"`
}

type offerModel struct {
	GPUType           string  `tfsdk:"gpu_type"`
	GPUCount          int64   `tfsdk:"gpu_count"`
	GPUMemoryGB       float64 `tfsdk:"gpu_memory_gb"`
	GPUPricePerHour   float64 `tfsdk:"gpu_price_per_hour"`
	InterruptibleRate float64 `tfsdk:"interruptible_rate"`
	PricePerHour      float64 `tfsdk:"price_per_hour"`
	Available         bool    `tfsdk:"available"`
	Location          string  `tfsdk:"location"`
}

func offersFromAPI(offers []api.Offer, f offersModel) []offerModel {
	out := []offerModel{}
	for _, o := range offers {
		rate := float64(o.GPUPriceHourly)
		if f.Interruptible.ValueBool() {
			rate = float64(o.InterruptibleRate)
		}
		m := offerModel{
			GPUType: o.GPUType, GPUCount: o.GPUCount, GPUMemoryGB: float64(o.GPURAMMB) / 1024, GPUPricePerHour: float64(o.GPUPriceHourly),
			InterruptibleRate: float64(o.InterruptibleRate), PricePerHour: rate * float64(o.GPUCount), Available: bool(o.Available), Location: o.Location,
		}
		switch {
		case !f.GPUType.IsNull() && !strings.EqualFold(f.GPUType.ValueString(), m.GPUType),
			m.GPUCount < f.MinGPUCount.ValueInt64(),
			f.AvailableOnly.ValueBool() && !m.Available,
			!f.MaxPricePerHour.IsNull() && m.PricePerHour > f.MaxPricePerHour.ValueFloat64():
			continue
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].PricePerHour < out[j].PricePerHour })
	return out
}
