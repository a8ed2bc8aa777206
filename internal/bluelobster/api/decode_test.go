package api

import (
	"encoding/json"
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
