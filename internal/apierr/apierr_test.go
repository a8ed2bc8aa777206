package apierr

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

func TestHints(t *testing.T) {
	cases := map[string]error{
		"no capacity":             &transport.APIError{Status: 503, Code: "service_unavailable"},
		"balance is too low":      &transport.APIError{Status: 402, Code: "insufficient_funds"},
		"refused the credentials": &transport.APIError{Status: 401},
		"not allowed":             &transport.APIError{Status: 403},
		"rate limit":              &transport.APIError{Status: 429},
		"answer was lost":         &transport.NoAnswerError{Method: "POST", Sent: true, Err: errors.New("EOF")},
		"may have taken effect":   &transport.APIError{Method: "DELETE", Status: 504},
		"Nothing was changed":     &transport.APIError{Method: "GET", Status: 504},
		"raise max_retry_time":    &transport.NoAnswerError{Method: "GET", Sent: true, Err: errors.New("EOF")},
		"no usable answer":        &transport.AuthError{Cloud: "Verda", Err: &transport.APIError{Method: "POST", Path: "/oauth2/token", Status: 502}},
		"tainted":                 &wait.FailedError{Object: "x", State: "error"},
		"Raise the resource's":    &wait.TimeoutError{Object: "x", Waited: time.Minute},
	}
	for want, err := range cases {
		if strings.Contains(want, "changed") || strings.Contains(want, "max_retry_time") || strings.Contains(want, "usable") {
			if got := Hint(err); strings.Contains(got, "taken effect") {
				t.Errorf("a read or a token request changes nothing, yet Hint(%v) = %q", err, got)
			}
		}
		wrapped := fmt.Errorf("context: %w", err)
		if got := Hint(wrapped); !strings.Contains(got, want) {
			t.Errorf("Hint(%v) = %q, want it to mention %q", err, got, want)
		}
	}
	for _, err := range []error{errors.New("plain"), &transport.APIError{Status: 400}, &transport.NoAnswerError{Sent: false}, context.Canceled} {
		if got := Hint(err); got != "" {
			t.Errorf("Hint(%v) = %q, want none", err, got)
		}
	}
}

func TestDiagnosticNamesOperationAndCloudMessage(t *testing.T) {
	d := Diagnostic("creating "+Describe("Verda", "SSH key", "deploy"), &transport.APIError{Cloud: "Verda", Method: "POST", Path: "/ssh-keys", Status: 402, Code: "insufficient_funds", Message: "Not enough funds"})
	if d.Summary() != `Error creating Verda SSH key "deploy"` {
		t.Errorf("summary %q", d.Summary())
	}
	if !strings.Contains(d.Detail(), "Not enough funds") || !strings.Contains(d.Detail(), "top it up") {
		t.Errorf("detail %q", d.Detail())
	}
	if Describe("Verda", "locations", "") != "Verda locations" {
		t.Error("Describe without a name")
	}
}
