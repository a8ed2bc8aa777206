package api

import (
	"encoding/json"
	"testing"
)

func FuzzAnswers(f *testing.F) {
	for _, seed := range []string{
		`[{"gpu_type":"5090","gpu_count":1,"gpu_ram_mb":32768,"gpu_price_hourly":"0.69","interruptible_rate":0.35,"available":"true","location":"Ashburn, US"}]`,
		`{"id":"v","vmid":1001,"status":"running","hourly_rate":1.38,"ip_address":null}`, `{"gpus":{"5090":0.69}}`, `null`, `{}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var offers []Offer
		_ = json.Unmarshal(body, &offers)
		var vm VM
		_ = json.Unmarshal(body, &vm)
	})
}
