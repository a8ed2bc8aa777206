package transport

import (
	"strings"
	"testing"
)

func TestMaskBodyHidesSecretsAtTheCut(t *testing.T) {
	m := NewMasker("known-secret-value")
	cases := map[string]struct {
		body  string
		limit int
		leak  string
	}{
		"a known secret cut in two":       {`{"note":"known-secret-value","more":"padding padding"}`, 17, "known-se"},
		"a secret field cut in its value": {`{"id":"a","jupyter_token":"tok-1234567890"}`, 34, "tok-12"},
		"a secret field after the cut":    {`{"id":"a","jupyter_token":"tok-1234567890"}`, 12, "tok-"},
	}
	for name, c := range cases {
		got := m.MaskBody([]byte(c.body), c.limit)
		if strings.Contains(got, c.leak) {
			t.Errorf("%s: %q shows %q", name, got, c.leak)
		}
		if !strings.Contains(got, "more bytes not logged") {
			t.Errorf("%s: %q does not say it was shortened", name, got)
		}
	}
	if got := m.MaskBody([]byte(`{"password":"p4ss"}`), 100); got != `{"password":"***"}` {
		t.Errorf("a short body: %q", got)
	}
}
