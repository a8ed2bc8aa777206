package validate

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestStep(t *testing.T) {
	ram := Step(8, 8, 4)
	for n, ok := range map[int64]bool{4: true, 8: true, 16: true, 10: false, 0: false, 12: false, -8: false} {
		resp := &validator.Int64Response{}
		ram.ValidateInt64(context.Background(), validator.Int64Request{Path: path.Root("ram_gb"), ConfigValue: types.Int64Value(n)}, resp)
		if resp.Diagnostics.HasError() == ok {
			t.Errorf("%d: accepted %v, want %v (%v)", n, !resp.Diagnostics.HasError(), ok, resp.Diagnostics)
		}
	}
	if d := ram.Description(context.Background()); d != "must be 8 or more, in steps of 8, or 4" {
		t.Errorf("%q", d)
	}
}

func TestUUID(t *testing.T) {
	for s, ok := range map[string]bool{"9e3c5a4e-6f1b-4c1e-9a7d-2b8f0c4d5e6f": true, "9E3C5A4E-6F1B-4C1E-9A7D-2B8F0C4D5E6F": true,
		"key-1": false, "9e3c5a4e6f1b4c1e9a7d2b8f0c4d5e6f": false, "": false} {
		resp := &validator.StringResponse{}
		UUID().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("id"), ConfigValue: types.StringValue(s)}, resp)
		if resp.Diagnostics.HasError() == ok {
			t.Errorf("%q: accepted %v, want %v", s, !resp.Diagnostics.HasError(), ok)
		}
	}
}

func TestDurationRefusesNegative(t *testing.T) {
	for s, ok := range map[string]bool{"-5m": false, "0s": false, "45m": true, "500h": false} {
		resp := &validator.StringResponse{}
		Duration(time.Second, 7*24*time.Hour).ValidateString(context.Background(), validator.StringRequest{Path: path.Root("create"), ConfigValue: types.StringValue(s)}, resp)
		if resp.Diagnostics.HasError() == ok {
			t.Errorf("%q: accepted %v, want %v", s, !resp.Diagnostics.HasError(), ok)
		}
	}
}
