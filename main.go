// Command terraform-provider-gpucloud is the gpucloud Terraform provider.
package main

import (
	"flag"
	"log"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/leanrpc"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/provider"
)

//go:generate go tool -modfile=tools/go.mod tfplugindocs generate --provider-name gpucloud --rendered-provider-name gpucloud

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run with support for debuggers like delve")
	flag.Parse()

	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	} else {
		quietUnlessAsked(os.Environ(), os.Setenv)
	}
	framework := providerserver.NewProtocol6(provider.New(version)())
	serve := func() tfprotov6.ProviderServer {
		if loggingOff(os.Getenv) {
			return leanrpc.Detached(framework())
		}
		return framework()
	}
	if err := tf6server.Serve("registry.terraform.io/gpucloud/gpucloud", serve, opts...); err != nil {
		log.Fatal(err)
	}
}

// quietLoggers are the plugin SDK's and the provider's log levels.
var quietLoggers = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER", "TF_LOG_PROVIDER_GPUCLOUD"}

// quietUnlessAsked turns the provider's logs off when no TF_LOG variable
// asks for them. Terraform shows a provider's logs only when TF_LOG or
// TF_LOG_PROVIDER is set, and passes them on to the provider; without them
// the SDK would still write every line at trace level for Terraform to
// discard, which for a plan of a thousand instances is hundreds of
// megabytes and seconds of work.
func quietUnlessAsked(environ []string, setenv func(key, value string) error) {
	for _, kv := range environ {
		if strings.HasPrefix(kv, "TF_LOG=") || strings.HasPrefix(kv, "TF_LOG_PROVIDER") || strings.HasPrefix(kv, "TF_LOG_SDK") {
			return
		}
	}
	for _, name := range quietLoggers {
		_ = setenv(name, "off")
	}
}

// loggingOff reports whether every logger is off, so that requests need
// not carry them.
func loggingOff(getenv func(string) string) bool {
	for _, name := range quietLoggers {
		if !strings.EqualFold(getenv(name), "off") {
			return false
		}
	}
	return true
}
