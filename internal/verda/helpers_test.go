package verda_test

import (
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

type resourceState = terraform.State

type simverdaSwitches = simverda.Switches

func compareEqual() compare.ValueComparer { return compare.ValuesSame() }
