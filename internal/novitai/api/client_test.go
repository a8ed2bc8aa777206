package api_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	simnovitai "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/novitai"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

func start(t *testing.T) (*sim.Server, *api.Client) {
	s := sim.New(sim.Options{})
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	c, err := api.New(api.Config{Endpoint: srv.URL + simnovitai.Prefix, APIKey: simnovitai.DefaultAPIKey})
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

func TestValidationErrorDetails(t *testing.T) {
	_, c := start(t)
	_, err := c.CreateInstance(context.Background(), api.CreateRequest{Name: "bad name", TemplateID: "tmpl-ubuntu-2204", GPUNum: 9})
	var apiErr *transport.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != "VALIDATION_ERROR" || apiErr.RequestID == "" {
		t.Fatalf("%v", err)
	}
	fields := map[string]bool{}
	for _, f := range apiErr.Fields {
		fields[f.Field] = true
	}
	if !fields["name"] || !fields["productName"] || !fields["gpuNum"] || len(fields) != 3 {
		t.Fatalf("fields %+v", apiErr.Fields)
	}
}

func TestTokenBucketIsAbsorbed(t *testing.T) {
	s, c := start(t)
	s.Novitai.UpdateSwitches(func(sw *simnovitai.Switches) { sw.Burst, sw.RatePerMinute = 3, 600 })
	for i := 0; i < 8; i++ {
		if _, err := c.ListInstances(context.Background()); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	st := s.Stats()["GET /novitai/api/instances"]
	if st.Statuses["429"] == 0 || st.Statuses["200"] != 8 {
		t.Fatalf("want 429s from the bucket, each retried to success: %+v", st)
	}
}
