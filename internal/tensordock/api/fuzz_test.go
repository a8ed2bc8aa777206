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
