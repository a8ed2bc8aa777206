package api

import "testing"

func FuzzInstanceAnswers(f *testing.F) {
	for _, seed := range []string{
		`{"type":"virtualmachine","id":"i","status":"running","portForwards":[{"internal_port":22,"external_port":20001}],"resources":{"gpus":{"h100-sxm5-80gb":{"count":1}}},"rateHourly":2.2}`,
		`{"data":{"id":"i","status":"Stopped"}}`, `{"data":{"instances":[{"id":"a"}]}}`, `{"data":[{"id":"a"},{"id":"b"}]}`, `{"data":[]}`, `{}`, `[]`, `null`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if inst, err := decodeInstance(body); err == nil {
			_, _ = inst.Resources.GPU()
			_ = inst.IsStopped()
		}
		if list, err := decodeInstanceList(body); err == nil {
			for _, i := range list {
				_, _ = i.Resources.GPU()
			}
		}
	})
}

// The instance list in each shape SUPPLEMENT.md reports, and one instance
// under data; anything else under data is an error, never an empty list that
// would make every instance look deleted.
func TestInstanceListShapes(t *testing.T) {
	for body, want := range map[string]int{
		`{"data":{"instances":[{"id":"a"},{"id":"b"}]}}`: 2,
		`{"data":[{"id":"a"}]}`:                          1,
		`{"data":{"id":"a","status":"running"}}`:         1,
		`{"data":[]}`:                                    0,
		`{"data":{"items":[{"id":"a"}]}}`:                -1,
		`{"data":{"total":0}}`:                           -1,
	} {
		list, err := decodeInstanceList([]byte(body))
		switch {
		case want < 0 && err == nil:
			t.Errorf("%s: read as %+v, want an error", body, list)
		case want >= 0 && (err != nil || len(list) != want):
			t.Errorf("%s: %d instances, %v; want %d", body, len(list), err, want)
		}
	}
}
