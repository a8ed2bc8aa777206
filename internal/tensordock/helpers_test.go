package tensordock_test

import (
	"time"

	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
	simtd "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/tensordock"
)

func simDuration(ms int) simcore.Duration {
	return simcore.Duration(time.Duration(ms) * time.Millisecond)
}

type simHostnode = simtd.Hostnode
