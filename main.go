// Command terraform-provider-gpucloud is the gpucloud Terraform provider.
package main

import (
	"flag"
	"log"
	"os"

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
		leanrpc.QuietUnlessAsked(os.Environ(), os.Setenv)
	}
	framework := providerserver.NewProtocol6(provider.New(version)())
	serve := func() tfprotov6.ProviderServer {
		if leanrpc.LoggingOff(os.Getenv) {
			return leanrpc.Detached(framework())
		}
		return framework()
	}
	if err := tf6server.Serve("registry.terraform.io/gpucloud/gpucloud", serve, opts...); err != nil {
		log.Fatal(err)
	}
}
