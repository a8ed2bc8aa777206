package api

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestScheduleReadsBothShapes(t *testing.T) {
	var doc, alt Schedule
	if err := json.Unmarshal([]byte(`{"enabled":true,"frequency":"daily","time_utc":"03:00","retention_count":7,"last_backup":null,"next_backup":"2026-01-16T03:00:00Z"}`), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.TimeUTC != "03:00" || doc.RetentionCount != 7 || doc.NextBackup == "" || doc.LastBackup != "" || !doc.Enabled {
		t.Fatalf("document shape: %+v", doc)
	}
	if err := json.Unmarshal([]byte(`{"frequency":"weekly","hour_utc":4,"day_of_week":1}`), &alt); err != nil {
		t.Fatal(err)
	}
	if alt.TimeUTC != "04:00" || alt.Frequency != "weekly" || alt.RetentionCount != 7 || !alt.Enabled {
		t.Fatalf("client shape: %+v", alt)
	}
}

func TestRegionNames(t *testing.T) {
	for raw, want := range map[string]string{`"igl"`: "igl", `{"name":"phl","description":"PHL"}`: "phl", `42`: ""} {
		if got := regionName(json.RawMessage(raw)); got != want {
			t.Errorf("regionName(%s) = %q, want %q", raw, got, want)
		}
	}
}

func TestNullPowerStatusReadsEmpty(t *testing.T) {
	var i Instance
	if err := json.Unmarshal([]byte(`{"uuid":"u","power_status":null,"price_cents_per_hour":"45"}`), &i); err != nil {
		t.Fatal(err)
	}
	if i.PowerStatus != "" || i.PriceCentsPerHour != 45 {
		t.Fatalf("%+v", i)
	}
}

// Document 004 shows GET /instances by one instance: an answer in that shape
// is a list of one, an array or a keyed list is read whole, and an object
// that is neither is an error, never an empty list that would make every
// instance look deleted.
func TestInstanceListShapes(t *testing.T) {
	for body, want := range map[string]int{
		`{"uuid":"vm-abc123","name":"my-instance","power_status":"running","created_at":"2024-01-15T10:30:00Z"}`: 1,
		`[{"uuid":"a"},{"uuid":"b"}]`:            2,
		`{"instances":[{"uuid":"a"}],"total":1}`: 1,
		`{"data":[{"uuid":"a"},{"uuid":"b"}]}`:   2,
		`{"detail":"maintenance"}`:               -1,
	} {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(body))
		}))
		c, err := New(Config{Endpoint: s.URL, APIKey: "k"})
		if err != nil {
			t.Fatal(err)
		}
		list, err := c.ListInstances(context.Background())
		s.Close()
		switch {
		case want < 0 && err == nil:
			t.Errorf("%s: read as %+v, want an error", body, list)
		case want >= 0 && (err != nil || len(list) != want):
			t.Errorf("%s: %d instances, %v; want %d", body, len(list), err, want)
		}
	}
}
