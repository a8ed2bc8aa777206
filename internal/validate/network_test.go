package validate

import (
	"strings"
	"testing"
)

func TestPortSpec(t *testing.T) {
	for _, ok := range []string{"22", "80:443", "80,443", "1", "65535", "22,80:90,443"} {
		if err := ParsePortSpec(ok); err != nil {
			t.Errorf("%q rejected: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "0", "65536", "http", "443:80", "22,", ":80", "80:", "022", "1-2", " 22"} {
		if ParsePortSpec(bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestIPOrCIDR(t *testing.T) {
	for _, ok := range []string{"10.0.0.1", "10.0.0.0/8", "::1", "2001:db8::/32", "0.0.0.0/0"} {
		if err := ParseIPOrCIDR(ok); err != nil {
			t.Errorf("%q rejected", ok)
		}
	}
	for _, bad := range []string{"", "10.0.0", "10.0.0.0/33", "example.com", "10.0.0.1/"} {
		if ParseIPOrCIDR(bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestTimeOfDay(t *testing.T) {
	v := TimeOfDay().(stringCheck)
	for _, ok := range []string{"00:00", "03:00", "23:59"} {
		if v.check(ok) != nil {
			t.Errorf("%q rejected", ok)
		}
	}
	for _, bad := range []string{"24:00", "3:00", "03:60", "0300", ""} {
		if v.check(bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestStringChecks(t *testing.T) {
	for name, tc := range map[string]struct {
		v       stringCheck
		ok, bad []string
	}{
		"ImageTag": {ImageTag().(stringCheck), []string{"ghcr.io/acme/vllm:0.6.1", "localhost:5000/app:v2", "nginx@sha256:" + strings.Repeat("a", 64)},
			[]string{"nginx", "nginx:latest", "localhost:5000/app", "ghcr.io/acme/vllm:", "two words:1"}},
		"Base64": {Base64().(stringCheck), []string{"YQ==", ""}, []string{"not base64!", "YQ="}},
		"Regexp": {Regexp().(stringCheck), []string{"^team-", "a|b"}, []string{"(", "[a-"}},
	} {
		for _, s := range tc.ok {
			if err := tc.v.check(s); err != nil {
				t.Errorf("%s: %q rejected: %v", name, s, err)
			}
		}
		for _, s := range tc.bad {
			if tc.v.check(s) == nil {
				t.Errorf("%s: %q accepted", name, s)
			}
		}
	}
}
