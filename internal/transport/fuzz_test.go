package transport

import (
	"net/http"
	"testing"
	"time"
)

func FuzzDecodeError(f *testing.F) {
	for _, seed := range []string{
		`{"code":"insufficient_funds","message":"Not enough funds"}`,
		`{"detail":{"error":"no_capacity","message":"No capacity"}}`,
		`{"detail":"Insufficient balance"}`,
		`{"detail":[{"loc":["body","gpu_count"],"msg":"bad"}]}`,
		`{"status":400,"error":"No available nodes found"}`,
		`{"error":{"code":"VALIDATION_ERROR","message":"x","details":[{"field":"name","message":"m"}],"requestId":"r"}}`,
		`<html>`, ``, `null`, `[]`, `{"detail":null,"error":7}`,
	} {
		f.Add([]byte(seed), 400)
	}
	f.Fuzz(func(t *testing.T, body []byte, status int) {
		e := DecodeError("Cloud", "GET", "/p", status, http.Header{}, body)
		if e == nil || e.Status != status || e.Cloud != "Cloud" {
			t.Fatalf("DecodeError lost the answer's identity: %+v", e)
		}
		_ = e.Error()
	})
}

func FuzzRetryAfter(f *testing.F) {
	for _, seed := range []string{"0", "7", "-3", "Wed, 21 Oct 2015 07:28:00 GMT", "soon", "99999999999999999999"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if d, ok := retryAfter(v, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); ok && d < 0 {
			t.Fatalf("retryAfter(%q) = %v, a negative wait", v, d)
		}
	})
}
