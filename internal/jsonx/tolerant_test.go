package jsonx

import (
	"strings"
	"testing"
)

func TestUnmarshalToleratesScalarTypes(t *testing.T) {
	type nested struct {
		ID string `json:"id"`
	}
	type answer struct {
		ID       string            `json:"id"`
		IDs      []string          `json:"ids"`
		Count    int64             `json:"count"`
		Price    float64           `json:"price"`
		Spot     bool              `json:"spot"`
		Nested   nested            `json:"nested"`
		Ptr      *nested           `json:"ptr"`
		ByName   map[string]nested `json:"by_name"`
		CamelKey string            `json:"instanceId"`
		Number   Number            `json:"number"`
	}
	var a answer
	body := `{"id": 12345678901234567890, "ids": [1, "b"], "count": "8", "price": "2.5", "spot": "true",
		"nested": {"id": 7}, "ptr": {"id": 8}, "by_name": {"x": {"id": 9}}, "INSTANCEID": 10, "number": "3.5", "extra": {"id": 1}}`
	if err := Unmarshal([]byte(body), &a); err != nil {
		t.Fatal(err)
	}
	want := answer{ID: "12345678901234567890", IDs: []string{"1", "b"}, Count: 8, Price: 2.5, Spot: true,
		Nested: nested{ID: "7"}, Ptr: &nested{ID: "8"}, ByName: map[string]nested{"x": {ID: "9"}}, CamelKey: "10", Number: 3.5}
	if a.ID != want.ID || strings.Join(a.IDs, ",") != "1,b" || a.Count != 8 || a.Price != 2.5 || !a.Spot ||
		a.Nested != want.Nested || a.Ptr == nil || *a.Ptr != *want.Ptr || a.ByName["x"] != want.ByName["x"] ||
		a.CamelKey != "10" || a.Number != 3.5 {
		t.Fatalf("got %+v", a)
	}
	if err := Unmarshal([]byte(`{"count": "eight"}`), &a); err == nil {
		t.Fatal("a count that is no number must fail")
	}
	if err := Unmarshal([]byte(`{"id": {"x": 1}}`), &a); err == nil {
		t.Fatal("an object where an ID belongs must fail")
	}
	var ints struct{ N int64 }
	if err := Unmarshal([]byte(`{"N": 4.0}`), &ints); err != nil || ints.N != 4 {
		t.Fatalf("an integral float is an integer: %v %v", ints.N, err)
	}
	if err := Unmarshal([]byte(`{"N": 4.5}`), &ints); err == nil {
		t.Fatal("a fraction is not an integer")
	}
	var list []nested
	if err := Unmarshal([]byte(`[{"id": 1}, {"id": "2"}]`), &list); err != nil || len(list) != 2 || list[0].ID != "1" {
		t.Fatalf("top-level list: %+v %v", list, err)
	}
}

// Verda documents ID fields as "a single UUID or an array of UUIDs", and
// renders lists of objects as lists of strings: both are read.
func TestUnmarshalReadsOneIDAsAList(t *testing.T) {
	type ref struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	var a struct {
		IDs    []string `json:"ids"`
		Counts []int64  `json:"counts"`
		Refs   []byRef  `json:"refs"`
		Plain  []ref    `json:"plain"`
	}
	if err := Unmarshal([]byte(`{"ids": "a", "counts": 3, "refs": ["r1", {"id": "r2", "name": "two"}, 7]}`), &a); err != nil {
		t.Fatal(err)
	}
	if len(a.IDs) != 1 || a.IDs[0] != "a" || len(a.Counts) != 1 || a.Counts[0] != 3 {
		t.Fatalf("one ID is a list of one: %+v", a)
	}
	if len(a.Refs) != 3 || a.Refs[0].ID != "r1" || a.Refs[1] != (byRef{ID: "r2", Name: "two"}) || a.Refs[2].ID != "7" {
		t.Fatalf("an object given by its ID: %+v", a.Refs)
	}
	for _, body := range []string{`{"plain": {"id": "x"}}`, `{"plain": "x"}`} {
		if err := Unmarshal([]byte(body), &a); err == nil {
			t.Errorf("%s: an object or a string where a list of objects is declared must fail, not pass for a short list", body)
		}
	}
	var top []ref
	if err := Unmarshal([]byte(`{"data": [{"id": "x"}]}`), &top); err == nil {
		t.Error("an envelope where a list is declared must fail")
	}
}

type byRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func (r *byRef) UnmarshalJSON(b []byte) error {
	type plain byRef
	return ObjectOrID(b, &r.ID, (*plain)(r))
}

func TestList(t *testing.T) {
	type item struct {
		ID string `json:"uuid"`
	}
	identified := func(i item) bool { return i.ID != "" }
	for body, want := range map[string]int{
		`[{"uuid": "a"}, {"uuid": "b"}]`:      2,
		`{"instances": [{"uuid": "a"}]}`:      1,
		`{"data": [{"uuid": 7}], "total": 1}`: 1,
		`{"uuid": "a", "name": "one"}`:        1,
		`{"instances": null}`:                 0,
		`[]`:                                  0,
	} {
		got, err := List([]byte(body), identified, "instances", "data")
		if err != nil || len(got) != want {
			t.Errorf("List(%s) = %+v, %v; want %d items", body, got, err, want)
		}
	}
	for _, body := range []string{`{"items": [{"uuid": "a"}]}`, `{"total": 0}`, `"ok"`, ``, `null`, `{"instances": {"uuid": "a"}}`} {
		if got, err := List([]byte(body), identified, "instances", "data"); err == nil {
			t.Errorf("List(%s) = %+v: an answer that is no list must fail, not read as a short one", body, got)
		}
	}
}
