package validate

import (
	"strconv"
	"strings"
	"testing"
)

func FuzzPortSpec(f *testing.F) {
	for _, seed := range []string{"22", "80:443", "80,443", "22,80:90,443", "0", "65536", "443:80", ",", "022", "1-2"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ParsePortSpec(s) != nil {
			return
		}
		for _, part := range strings.Split(s, ",") {
			for _, p := range strings.Split(part, ":") {
				n, err := strconv.Atoi(p)
				if err != nil || n < 1 || n > 65535 {
					t.Fatalf("accepted %q with port %q", s, p)
				}
			}
		}
	})
}

func FuzzIPOrCIDR(f *testing.F) {
	for _, seed := range []string{"10.0.0.1", "10.0.0.0/8", "::1", "2001:db8::/32", "10.0.0.0/33", "", "example.com"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ParseIPOrCIDR(s) == nil && strings.ContainsAny(s, " \t\n") {
			t.Fatalf("accepted %q with white space", s)
		}
	})
}

func FuzzTimeOfDay(f *testing.F) {
	for _, seed := range []string{"00:00", "03:00", "23:59", "24:00", "3:00", "03:60", ""} {
		f.Add(seed)
	}
	check := TimeOfDay().(stringCheck).check
	f.Fuzz(func(t *testing.T, s string) {
		if check(s) != nil {
			return
		}
		h, errH := strconv.Atoi(s[:2])
		m, errM := strconv.Atoi(s[3:])
		if len(s) != 5 || errH != nil || errM != nil || h > 23 || m > 59 {
			t.Fatalf("accepted %q", s)
		}
	})
}

func FuzzSSHPublicKey(f *testing.F) {
	for _, seed := range []string{
		"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rSNPx9K2mWQ7lWnQvHcMGz2T1G9r0oQy8w2Zx7Uu a@b", "ssh-rsa AAAA", "not a key",
		"-----BEGIN OPENSSH PRIVATE KEY-----",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := ParseSSHPublicKey(s); err == nil && SSHFingerprint(s) == "" {
			t.Fatalf("a key that parses has no fingerprint: %q", s)
		}
	})
}
