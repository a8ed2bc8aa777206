package verda

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestStartupScriptFromAPI(t *testing.T) {
	got := startupScriptFromAPI(&api.StartupScript{ID: "s1", Name: "n", Script: "#!/bin/sh"})
	want := startupScriptModel{ID: types.StringValue("s1"), Name: types.StringValue("n"), Script: types.StringValue("#!/bin/sh")}
	if got != want {
		t.Fatalf("got %+v", got)
	}
}

func TestStartupScriptParity(t *testing.T) {
	modeltest.ResourceParity(t, NewStartupScriptResource(), &startupScriptModel{})
}

func TestStartupScriptDataSourceParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewStartupScriptDataSource(), &startupScriptModel{})
}
