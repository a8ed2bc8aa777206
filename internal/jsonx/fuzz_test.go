package jsonx

import (
	"encoding/json"
	"strings"
	"testing"
)

func FuzzScalars(f *testing.F) {
	for _, seed := range []string{`"3.17"`, `2.5`, `null`, `"true"`, `false`, `"cheap"`, `{}`, `[1]`, `"1e400"`, `"NaN"`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var n Number
		_ = json.Unmarshal(raw, &n)
		var b Bool
		if json.Unmarshal(raw, &b) == nil && bool(b) {
			if v := strings.ToLower(strings.Trim(strings.TrimSpace(string(raw)), `"`)); v != "true" && v != "1" {
				t.Fatalf("%q read as true", raw)
			}
		}
		_, _ = OneOrMany[map[string]any](raw)
	})
}
