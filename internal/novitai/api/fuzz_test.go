package api

import (
	"encoding/json"
	"testing"
)

func FuzzAnswers(f *testing.F) {
	for _, seed := range []string{
		`{"instanceId":"inst_1","status":"creating","estimatedReadyTime":"2023-10-20T10:30:00.000Z","spotPrice":"0.45"}`,
		`{"id":"i","status":"running","portMappings":[{"port":22,"endpoint":"ssh://h:2222","type":"tcp"}],"connectionDetails":{"ssh":"ssh://h"}}`,
		`{"instances":[],"total":0}`, `null`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var c Created
		_ = json.Unmarshal(body, &c)
		var i Instance
		_ = json.Unmarshal(body, &i)
	})
}
