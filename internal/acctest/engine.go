package acctest

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"sync"

	goversion "github.com/hashicorp/go-version"
)

// writeOnlySince is the first Terraform and OpenTofu release that takes
// write-only arguments.
const writeOnlySince = "1.11.0"

var engineVersion = sync.OnceValue(func() *goversion.Version {
	path := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if path == "" {
		return nil
	}
	out, err := exec.Command(path, "version", "-json").Output()
	if err != nil {
		return nil
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if json.Unmarshal(out, &v) != nil {
		return nil
	}
	parsed, err := goversion.NewVersion(v.Version)
	if err != nil {
		return nil
	}
	return parsed
})

// OpenTofu reports whether the acceptance tests run on OpenTofu, whose
// registry the Makefile then names for terraform-plugin-testing.
func OpenTofu() bool { return os.Getenv("TF_ACC_PROVIDER_HOST") == "registry.opentofu.org" }

// EngineBelow reports whether the engine's version is known and below v.
func EngineBelow(v string) bool {
	e := engineVersion()
	return e != nil && e.LessThan(goversion.Must(goversion.NewVersion(v)))
}

// WriteOnlyArguments reports whether the engine the acceptance tests run
// takes write-only arguments (Terraform and OpenTofu 1.11 and later); with
// no engine known it does.
func WriteOnlyArguments() bool { return !EngineBelow(writeOnlySince) }

// SecretArgument is the HCL that sets the secret argument name to value:
// its write-only form name_wo, with versionAttr = 1, where the engine takes
// write-only arguments, and otherwise the stored form, as a user of that
// engine writes it.
func SecretArgument(name, value, versionAttr string) string {
	if WriteOnlyArguments() {
		return fmt.Sprintf("%s_wo = %q\n  %s = 1", name, value, versionAttr)
	}
	return fmt.Sprintf("%s = %q", name, value)
}
