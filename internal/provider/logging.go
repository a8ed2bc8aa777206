package provider

import "strings"

// Loggers are the variables that set the plugin SDK's and the provider's
// log levels.
var Loggers = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER", "TF_LOG_PROVIDER_GPUCLOUD"}

// QuietUnlessAsked turns the provider's logs off when no TF_LOG variable
// asks for them. Terraform shows a provider's logs only when TF_LOG or
// TF_LOG_PROVIDER is set, and passes them on to the provider; without them
// the SDK would still write every line at trace level for Terraform to
// discard, which for a plan of a thousand instances is hundreds of
// megabytes and seconds of work.
func QuietUnlessAsked(environ []string, setenv func(key, value string) error) {
	for _, kv := range environ {
		if strings.HasPrefix(kv, "TF_LOG=") || strings.HasPrefix(kv, "TF_LOG_PROVIDER") || strings.HasPrefix(kv, "TF_LOG_SDK") {
			return
		}
	}
	for _, name := range Loggers {
		_ = setenv(name, "off")
	}
}

// LoggingOff reports whether every logger is off, so that requests need
// not carry them.
func LoggingOff(getenv func(string) string) bool {
	for _, name := range Loggers {
		if !strings.EqualFold(getenv(name), "off") {
			return false
		}
	}
	return true
}
