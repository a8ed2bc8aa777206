package tensordock_test

import (
	"time"

	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

func simDuration(ms int) simcore.Duration {
	return simcore.Duration(time.Duration(ms) * time.Millisecond)
}
