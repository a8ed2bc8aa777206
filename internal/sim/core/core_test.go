package core

import (
	"encoding/json"
	"testing"
	"time"
)

func TestWindowCountsAndResets(t *testing.T) {
	w := NewWindow()
	now := time.Unix(1000, 0)
	w.now = func() time.Time { return now }
	for i := 2; i >= 0; i-- {
		remaining, _, ok := w.Take("k", 3, time.Minute)
		if !ok || remaining != i {
			t.Fatalf("take: remaining %d ok %v, want %d", remaining, ok, i)
		}
	}
	now = now.Add(20 * time.Second)
	if _, reset, ok := w.Take("k", 3, time.Minute); ok || reset != 40*time.Second {
		t.Fatalf("fourth take: ok %v reset %v", ok, reset)
	}
	if _, _, ok := w.Take("other", 3, time.Minute); !ok {
		t.Fatal("keys have their own windows")
	}
	now = now.Add(40 * time.Second)
	if remaining, _, ok := w.Take("k", 3, time.Minute); !ok || remaining != 2 {
		t.Fatal("a new window starts after the old one ends")
	}
	if r, _ := w.Peek("k", 3, time.Minute); r != 2 {
		t.Fatalf("peek %d", r)
	}
	if CeilSeconds(1500*time.Millisecond) != 2 || CeilSeconds(0) != 1 {
		t.Fatal("CeilSeconds")
	}
}

func TestDurationJSON(t *testing.T) {
	var v struct{ D Duration }
	if err := json.Unmarshal([]byte(`{"D":"6s"}`), &v); err != nil || time.Duration(v.D) != 6*time.Second {
		t.Fatalf("%v %v", v, err)
	}
	if err := json.Unmarshal([]byte(`{"D":250}`), &v); err != nil || time.Duration(v.D) != 250*time.Millisecond {
		t.Fatalf("milliseconds: %v %v", v, err)
	}
	if err := json.Unmarshal([]byte(`{"D":"soon"}`), &v); err == nil {
		t.Fatal("want an error")
	}
	b, _ := json.Marshal(v)
	if string(b) != `{"D":"250ms"}` {
		t.Fatalf("%s", b)
	}
}

func TestSwitchesMergeAndReset(t *testing.T) {
	type sw struct {
		A bool `json:"a"`
		B int  `json:"b"`
	}
	s := NewSwitches(sw{A: true, B: 1})
	if err := s.Merge([]byte(`{"b":5}`)); err != nil || s.Get() != (sw{A: true, B: 5}) {
		t.Fatalf("merge: %+v %v", s.Get(), err)
	}
	if err := s.Merge([]byte(`{"b":"x"}`)); err == nil || s.Get().B != 5 {
		t.Fatal("a bad merge must change nothing")
	}
	s.Reset()
	if s.Get() != (sw{A: true, B: 1}) {
		t.Fatal("reset")
	}
}
