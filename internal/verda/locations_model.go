package verda

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type locationsModel struct {
	CountryCode types.String    `tfsdk:"country_code"`
	Locations   []locationModel `tfsdk:"locations"`
}

type locationModel struct {
	Code        string `tfsdk:"code"`
	Name        string `tfsdk:"name"`
	CountryCode string `tfsdk:"country_code"`
}

func locationsFromAPI(locs []api.Location, country string) []locationModel {
	out := []locationModel{}
	for _, l := range locs {
		if country == "" || strings.EqualFold(country, l.CountryCode) {
			out = append(out, locationModel{Code: l.Code, Name: l.Name, CountryCode: l.CountryCode})
		}
	}
	return out
}
