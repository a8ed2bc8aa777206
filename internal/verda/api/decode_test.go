package api

import (
	"encoding/json"
	"slices"
	"testing"
)

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

func TestLogLines(t *testing.T) {
	for answer, want := range map[string][]string{
		`["a", "b"]`: {"a", "b"},
		`{"logs": [{"timestamp": "t", "message": "pulling"}, {"log": "started"}]}`: {"pulling", "started"},
		`{"data": [{"text": "x"}, 3]}`:                                             {"x"},
		`{"nothing": []}`:                                                          nil,
		`"just a string"`:                                                          nil,
	} {
		if got := logLines(json.RawMessage(answer)); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", answer, got, want)
		}
	}
}
