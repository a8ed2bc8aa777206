package api

import (
	"strings"
	"testing"
)

func FuzzDecodeCreatedID(f *testing.F) {
	for _, seed := range []string{"0f4e-1\n", `"0f4e-2"`, `{"id":"0f4e-3"}`, ``, `{"name":1}`, `"unterminated`, `[]`, `""`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		id, err := decodeCreatedID(body)
		if err == nil && strings.TrimSpace(id) == "" {
			t.Fatalf("an empty ID was accepted from %q", body)
		}
	})
}

func FuzzSSHKeyAnswer(f *testing.F) {
	for _, seed := range []string{`[{"id":"a","name":"n","key":"ssh-ed25519 AAAA"}]`, `{"id":"a"}`, `[]`, `null`, `"x"`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		_, _ = oneOrMany[SSHKey](body)
	})
}
