package api

import (
	"encoding/json"
	"strings"
	"testing"
)

func FuzzScheduleAndRegions(f *testing.F) {
	for _, seed := range []string{
		`{"enabled":true,"frequency":"daily","time_utc":"03:00","retention_count":7}`, `{"frequency":"weekly","hour_utc":4}`,
		`{"hour_utc":-1}`, `{"hour_utc":99999999999}`, `"igl"`, `{"name":"phl"}`, `null`, `[]`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var s Schedule
		if json.Unmarshal(body, &s) == nil && s.RetentionCount == 0 && !strings.Contains(string(body), "retention_count") {
			t.Fatalf("a schedule without retention_count must default to 7: %q", body)
		}
		_ = regionName(body)
		var i Instance
		_ = json.Unmarshal(body, &i)
	})
}
