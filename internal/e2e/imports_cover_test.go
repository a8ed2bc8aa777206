package e2e

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/provider"
)

// Arguments the import matrix leaves out because another argument of the
// same resource stands for them. The stored and write-only forms of one
// secret stand for each other (see sets), so they are not listed here.
var importMatrixAlternatives = map[string]string{
	"gpucloud_verda_container_registry_credentials.username":               "another registry type",
	"gpucloud_verda_container_registry_credentials.access_token":           "another registry type",
	"gpucloud_verda_container_registry_credentials.access_token_wo":        "another registry type",
	"gpucloud_verda_container_registry_credentials.service_account_key":    "another registry type",
	"gpucloud_verda_container_registry_credentials.service_account_key_wo": "another registry type",
	"gpucloud_verda_container_registry_credentials.scaleway_domain":        "another registry type",
	"gpucloud_verda_container_registry_credentials.scaleway_uuid":          "another registry type",
	"gpucloud_verda_container_registry_credentials.docker_config_json":     "another registry type",
	"gpucloud_verda_container_registry_credentials.docker_config_json_wo":  "another registry type",
}

// The import matrix holds every resource kind with every argument a user
// can set, nested ones included, so that a new kind or argument cannot
// escape the check that imports never replace.
func TestImportMatrixSetsEveryArgument(t *testing.T) {
	ctx := context.Background()
	blocks := resourceBlocks(everythingSet())
	known := map[string]bool{}
	for _, newResource := range provider.New("test")().Resources(ctx) {
		r := newResource()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "gpucloud"}, &meta)
		var s resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &s)
		block, ok := blocks[meta.TypeName]
		if !ok {
			t.Errorf("the import matrix has no %s", meta.TypeName)
			continue
		}
		arguments := settable(s.Schema.Attributes, "")
		for _, name := range arguments {
			if _, alt := importMatrixAlternatives[meta.TypeName+"."+name]; alt {
				known[meta.TypeName+"."+name] = true
				continue
			}
			if !sets(block, name[strings.LastIndex(name, ".")+1:]) {
				t.Errorf("the import matrix's %s does not set %s", meta.TypeName, name)
			}
		}
	}
	for argument := range importMatrixAlternatives {
		if !known[argument] {
			t.Errorf("%s, left out of the import matrix, is no argument", argument)
		}
	}
}

// sets reports whether a resource block sets the argument leaf. The stored
// and the write-only form of a secret (password, password_wo) stand for
// each other, since a configuration sets one of them and which one depends
// on the engine (acctest.SecretArgument); a write-only version is set with
// its secret, or needs none where the engine has no write-only arguments.
func sets(block, leaf string) bool {
	set := func(name string) bool {
		return regexp.MustCompile(`(?m)(^|[{,]\s*)\s*` + regexp.QuoteMeta(name) + `\s*=`).MatchString(block)
	}
	if base, ok := strings.CutSuffix(leaf, "_wo_version"); ok {
		return set(leaf) || set(base) || set(base+"_wo") || !acctest.WriteOnlyArguments()
	}
	if base, ok := strings.CutSuffix(leaf, "_wo"); ok {
		return set(leaf) || set(base)
	}
	return set(leaf) || set(leaf+"_wo")
}

// settable lists the arguments of attributes a configuration can set, with
// their paths.
func settable(attributes map[string]schema.Attribute, prefix string) []string {
	var out []string
	for name, a := range attributes {
		out = append(out, settableUnder(a, prefix+name)...)
	}
	sort.Strings(out)
	return out
}

type argument interface {
	IsRequired() bool
	IsOptional() bool
}

func settableUnder(a argument, path string) []string {
	var out []string
	if a.IsRequired() || a.IsOptional() {
		out = append(out, path)
	}
	if nested, ok := a.(schema.NestedAttribute); ok {
		for name, inner := range nested.GetNestedObject().GetAttributes() {
			out = append(out, settableUnder(inner, path+"."+name)...)
		}
	}
	return out
}

// resourceBlocks maps each resource type to the text of its first block.
func resourceBlocks(cfg string) map[string]string {
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`(?ms)^resource "([a-z_]+)" "[a-z_]+" \{(?:[^\n]*\}$|.*?^\})`).FindAllStringSubmatch(cfg, -1) {
		typ := m[1]
		out[typ] += m[0]
	}
	return out
}
