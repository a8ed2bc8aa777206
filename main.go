// Command terraform-provider-gpucloud is the gpucloud Terraform provider.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/provider"
)

//go:generate go tool -modfile=tools/go.mod tfplugindocs generate --provider-name gpucloud --rendered-provider-name gpucloud

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run with support for debuggers like delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/gpucloud/gpucloud",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
