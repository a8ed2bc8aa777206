package provider

import (
	"maps"
	"slices"
	"testing"
)

func TestLogsAreQuietUnlessAskedFor(t *testing.T) {
	cases := map[string]struct {
		environ []string
		quiet   bool
	}{
		"nothing asked":          {[]string{"HOME=/root", "TF_IN_AUTOMATION=1"}, true},
		"TF_LOG":                 {[]string{"TF_LOG=DEBUG"}, false},
		"TF_LOG_PROVIDER":        {[]string{"TF_LOG_PROVIDER=TRACE"}, false},
		"TF_LOG_PROVIDER_NAMED":  {[]string{"TF_LOG_PROVIDER_GPUCLOUD=DEBUG"}, false},
		"TF_LOG_SDK_FRAMEWORK":   {[]string{"TF_LOG_SDK_FRAMEWORK=TRACE"}, false},
		"TF_LOG_PATH on its own": {[]string{"TF_LOG_PATH=/tmp/x"}, true},
	}
	for name, c := range cases {
		set := map[string]string{}
		QuietUnlessAsked(c.environ, func(k, v string) error { set[k] = v; return nil })
		if c.quiet {
			if got := slices.Sorted(maps.Keys(set)); !slices.Equal(got, slices.Sorted(slices.Values(Loggers))) {
				t.Errorf("%s: set %v, want every logger off", name, set)
			}
			for k, v := range set {
				if v != "off" {
					t.Errorf("%s: %s=%s", name, k, v)
				}
			}
		} else if len(set) > 0 {
			t.Errorf("%s: logs were asked for, but %v was set", name, set)
		}
	}
}

func TestLoggingOffOnlyWhenEveryLoggerIs(t *testing.T) {
	all := map[string]string{}
	for _, name := range Loggers {
		all[name] = "off"
	}
	if !LoggingOff(func(k string) string { return all[k] }) {
		t.Fatal("every logger off should count as off")
	}
	all["TF_LOG_PROVIDER_GPUCLOUD"] = "DEBUG"
	if LoggingOff(func(k string) string { return all[k] }) {
		t.Fatal("one logger on should count as on")
	}
	if LoggingOff(func(string) string { return "" }) {
		t.Fatal("unset loggers write at trace level")
	}
}
