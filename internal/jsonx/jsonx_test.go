package jsonx

import (
	"encoding/json"
	"testing"
)

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
	many, err := OneOrMany[item]([]byte(`[{"id":"a"},{"id":"b"}]`))
	if err != nil || len(many) != 2 {
		t.Fatalf("array: %+v, %v", many, err)
	}
	one, err := OneOrMany[item]([]byte(`{"id":"a"}`))
	if err != nil || len(one) != 1 || one[0].ID != "a" {
		t.Fatalf("object: %+v, %v", one, err)
	}
	empty, err := OneOrMany[item]([]byte(`[]`))
	if err != nil || len(empty) != 0 {
		t.Fatalf("empty: %+v, %v", empty, err)
	}
}

type item struct {
	ID string `json:"id"`
}
