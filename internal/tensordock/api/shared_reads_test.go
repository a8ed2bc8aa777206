package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// A list entry that does not say enough for a wait is read on its own.
func TestWaitInstanceAsksForWhatTheListLeavesOut(t *testing.T) {
	list := map[string]string{
		"full":    `{"type":"virtualmachine","id":"full","name":"a","status":"running","ipAddress":"198.51.100.7"}`,
		"no-ip":   `{"type":"virtualmachine","id":"no-ip","name":"b","status":"running"}`,
		"bare":    `{"type":"virtualmachine","id":"bare","name":"c"}`,
		"booting": `{"type":"virtualmachine","id":"booting","name":"d","status":"starting"}`,
	}
	var gets atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/instances" {
			_, _ = w.Write([]byte(`{"data":[` + list["full"] + "," + list["no-ip"] + "," + list["bare"] + "," + list["booting"] + `]}`))
			return
		}
		gets.Add(1)
		_, _ = w.Write([]byte(`{"type":"virtualmachine","id":"x","name":"x","status":"running","ipAddress":"198.51.100.9"}`))
	}))
	defer srv.Close()
	c, err := api.New(api.Config{Endpoint: srv.URL, Token: "t"})
	if err != nil {
		t.Fatal(err)
	}
	for id, wantGet := range map[string]bool{"full": false, "booting": false, "no-ip": true, "bare": true, "missing": true} {
		before := gets.Load()
		i, err := c.WaitInstance(context.Background(), id, wait.Options{Object: id, Target: []string{"read"}, Floor: time.Minute},
			func(*api.Instance) wait.Observation { return wait.Observation{State: "read"} })
		if err != nil || i.Status == "" {
			t.Fatalf("%s: %+v %v", id, i, err)
		}
		if got := gets.Load() > before; got != wantGet {
			t.Errorf("%s: asked on its own = %v, want %v", id, got, wantGet)
		}
	}
}
