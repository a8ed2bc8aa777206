package api

import "testing"

func TestDecodeCreatedID(t *testing.T) {
	for in, want := range map[string]string{
		"0f4e-1\n": "0f4e-1", `"0f4e-2"`: "0f4e-2", `{"id":"0f4e-3"}`: "0f4e-3", `  "0f4e-4" `: "0f4e-4", `{"id":12345}`: "12345", "67890": "67890",
	} {
		got, err := decodeCreatedID([]byte(in))
		if err != nil || got != want {
			t.Errorf("decodeCreatedID(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "  ", `{"name":"x"}`, `"unterminated`, "<html><body>502 Bad Gateway</body></html>", "Internal Server Error", `{"id":"a b"}`} {
		if got, err := decodeCreatedID([]byte(bad)); err == nil {
			t.Errorf("decodeCreatedID(%q) = %q, want an error", bad, got)
		}
	}
}
