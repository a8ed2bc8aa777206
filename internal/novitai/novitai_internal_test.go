package novitai

import (
	"testing"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
)

func TestPollIntervalFollowsTheDocument(t *testing.T) {
	var h clientHolder
	h.Clients = &providerdata.Clients{}
	if got := h.pollInterval("creating"); got < 10*time.Second || got > 15*time.Second {
		t.Errorf("creating: %v, want 10-15s", got)
	}
	if got := h.pollInterval("starting"); got != 5*time.Second {
		t.Errorf("starting: %v, want 5s", got)
	}
	h.Clients.PollInterval = 50 * time.Millisecond
	if got := h.pollInterval("creating"); got != 50*time.Millisecond {
		t.Errorf("a configured poll_interval must win: %v", got)
	}
}
