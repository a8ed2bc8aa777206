package verda_test

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
)

// A script made before Terraform is found by name or ID, with its body.
func TestAccStartupScriptDataSource_byNameOrID(t *testing.T) {
	acctest.TestLookup(t, acctest.StartSim(t), acctest.Lookup{
		Type: "gpucloud_verda_startup_script", NameAttr: "name", What: "Verda startup script",
		Body: `  script = "#!/bin/sh\necho ready\n"`, Same: []string{"script"},
	})
}
