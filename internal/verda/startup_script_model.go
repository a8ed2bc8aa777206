package verda

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type startupScriptModel struct {
	ID     types.String `tfsdk:"id"`
	Name   types.String `tfsdk:"name"`
	Script types.String `tfsdk:"script"`
}

func startupScriptFromAPI(s *api.StartupScript) startupScriptModel {
	return startupScriptModel{ID: types.StringValue(s.ID), Name: types.StringValue(s.Name), Script: types.StringValue(s.Script)}
}
