package tensordock

import (
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

type locationsModel struct {
	Locations []locationModel `tfsdk:"locations"`
}

type locationModel struct {
	ID            string             `tfsdk:"id"`
	City          string             `tfsdk:"city"`
	StateProvince string             `tfsdk:"stateprovince"`
	Country       string             `tfsdk:"country"`
	Tier          int64              `tfsdk:"tier"`
	GPUs          []locationGPUModel `tfsdk:"gpus"`
}

type locationGPUModel struct {
	V0Name          string             `tfsdk:"v0_name"`
	DisplayName     string             `tfsdk:"display_name"`
	MaxCount        int64              `tfsdk:"max_count"`
	PricePerHour    float64            `tfsdk:"price_per_hour"`
	Pricing         map[string]float64 `tfsdk:"pricing"`
	NetworkFeatures map[string]bool    `tfsdk:"network_features"`
}

// numbers keeps the numeric fields of an object whose fields the document
// does not name; bools keeps the true-or-false ones.
func numbers(o map[string]any) map[string]float64 {
	out := map[string]float64{}
	for k, v := range o {
		if f, ok := v.(float64); ok {
			out[k] = f
		}
	}
	return out
}

func bools(o map[string]any) map[string]bool {
	out := map[string]bool{}
	for k, v := range o {
		if b, ok := v.(bool); ok {
			out[k] = b
		}
	}
	return out
}

func locationsFromAPI(locs []api.Location) []locationModel {
	out := []locationModel{}
	for _, l := range locs {
		lm := locationModel{ID: l.ID, City: l.City, StateProvince: l.StateProvince, Country: l.Country, Tier: l.Tier, GPUs: []locationGPUModel{}}
		for _, g := range l.GPUs {
			lm.GPUs = append(lm.GPUs, locationGPUModel{V0Name: g.V0Name, DisplayName: g.DisplayName, MaxCount: g.MaxCount, PricePerHour: float64(g.PricePerHr),
				Pricing: numbers(g.Pricing), NetworkFeatures: bools(g.NetworkFeatures)})
		}
		out = append(out, lm)
	}
	return out
}
