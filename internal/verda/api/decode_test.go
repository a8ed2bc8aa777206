package api

import (
	"encoding/json"
	"testing"
)

func TestDecodeCreatedID(t *testing.T) {
	for in, want := range map[string]string{
		"0f4e-1\n": "0f4e-1", `"0f4e-2"`: "0f4e-2", `{"id":"0f4e-3"}`: "0f4e-3", `  "0f4e-4" `: "0f4e-4",
	} {
		got, err := decodeCreatedID([]byte(in))
		if err != nil || got != want {
			t.Errorf("decodeCreatedID(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "  ", `{"name":"x"}`, `"unterminated`} {
		if got, err := decodeCreatedID([]byte(bad)); err == nil {
			t.Errorf("decodeCreatedID(%q) = %q, want an error", bad, got)
		}
	}
}

func TestTolerantScalars(t *testing.T) {
	var v struct {
		A, B, C Number
		D, E, F Bool
	}
	if err := json.Unmarshal([]byte(`{"A":"3.17","B":2.5,"C":null,"D":"true","E":false,"F":"false"}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.A != 3.17 || v.B != 2.5 || v.C != 0 || !bool(v.D) || bool(v.E) || bool(v.F) {
		t.Fatalf("got %+v", v)
	}
	if err := json.Unmarshal([]byte(`{"A":"cheap"}`), &v); err == nil {
		t.Fatal("a non-number price must be an error")
	}
	if err := json.Unmarshal([]byte(`{"D":"maybe"}`), &v); err == nil {
		t.Fatal("a non-boolean must be an error")
	}
}

func TestOneOrMany(t *testing.T) {
	many, err := oneOrMany[SSHKey]([]byte(`[{"id":"a"},{"id":"b"}]`))
	if err != nil || len(many) != 2 {
		t.Fatalf("array: %+v, %v", many, err)
	}
	one, err := oneOrMany[SSHKey]([]byte(`{"id":"a"}`))
	if err != nil || len(one) != 1 || one[0].ID != "a" {
		t.Fatalf("object: %+v, %v", one, err)
	}
	empty, err := oneOrMany[SSHKey]([]byte(`[]`))
	if err != nil || len(empty) != 0 {
		t.Fatalf("empty: %+v, %v", empty, err)
	}
}
