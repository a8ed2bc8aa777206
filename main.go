// Command terraform-provider-gpucloud is the gpucloud Terraform provider.
package main

import (
	"flag"
	"log"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/provider"
)

//go:generate go tool -modfile=tools/go.mod tfplugindocs generate --provider-name gpucloud --rendered-provider-name gpucloud

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	debug := flag.Bool("debug", false, "run with support for debuggers like delve")
	flag.Parse()
	if err := provider.Serve(version, *debug); err != nil {
		log.Fatal(err)
	}
}
