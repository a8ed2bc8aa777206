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
	V0Name       string  `tfsdk:"v0_name"`
	DisplayName  string  `tfsdk:"display_name"`
	MaxCount     int64   `tfsdk:"max_count"`
	PricePerHour float64 `tfsdk:"price_per_hour"`
}

func locationsFromAPI(locs []api.Location) []locationModel {
	out := []locationModel{}
	for _, l := range locs {
		lm := locationModel{ID: l.ID, City: l.City, StateProvince: l.StateProvince, Country: l.Country, Tier: l.Tier, GPUs: []locationGPUModel{}}
		for _, g := range l.GPUs {
			lm.GPUs = append(lm.GPUs, locationGPUModel{V0Name: g.V0Name, DisplayName: g.DisplayName, MaxCount: g.MaxCount, PricePerHour: float64(g.PricePerHr)})
		}
		out = append(out, lm)
	}
	return out
}
