package provider

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

var clouds = []string{"verda", "tensordock", "bluelobster", "nova", "novitai"}

// Every gpucloud_<cloud>_<kind> has its file set in internal/<cloud> (the
// README's development section): the resource or data source, its model,
// a model test with a FromAPI or parity test, and acceptance tests named
// TestAcc<Kind>_<behaviour>. The cross-cloud kinds live in their own
// packages under the same rule: gpucloud_gpu_offers in internal/offers,
// gpucloud_gpu_instance in internal/placement.
func TestEveryKindFollowsTheFileRule(t *testing.T) {
	ctx := context.Background()
	p := New("test")()
	check := func(typeName, role string) {
		kind, _ := strings.CutPrefix(typeName, "gpucloud_")
		dir := map[string]string{"gpu_offers": "offers", "gpu_instance": "placement"}[kind]
		for _, c := range clouds {
			if rest, ok := strings.CutPrefix(typeName, "gpucloud_"+c+"_"); ok {
				dir, kind = c, rest
			}
		}
		files := []string{kind + "_" + role + ".go", kind + "_model.go", kind + "_model_test.go", kind + "_" + role + "_test.go"}
		for _, f := range files {
			if _, err := os.Stat(filepath.Join("..", dir, f)); err != nil {
				t.Errorf("%s: internal/%s/%s is missing", typeName, dir, f)
			}
		}
		model, _ := os.ReadFile(filepath.Join("..", dir, kind+"_model_test.go"))
		if !strings.Contains(string(model), "Parity(") {
			t.Errorf("%s: %s_model_test.go has no parity test", typeName, kind)
		}
		acc, _ := os.ReadFile(filepath.Join("..", dir, kind+"_"+role+"_test.go"))
		for _, name := range regexp.MustCompile(`func (TestAcc\w+)\(`).FindAllStringSubmatch(string(acc), -1) {
			if !regexp.MustCompile(`^TestAcc[A-Z][A-Za-z0-9]*_[a-z0-9][A-Za-z0-9]*$`).MatchString(name[1]) {
				t.Errorf("%s: %s is not named TestAcc<Kind>_<behaviour>", typeName, name[1])
			}
		}
	}
	for _, newResource := range p.Resources(ctx) {
		var meta resource.MetadataResponse
		newResource().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "gpucloud"}, &meta)
		check(meta.TypeName, "resource")
	}
	for _, newDataSource := range p.DataSources(ctx) {
		var meta datasource.MetadataResponse
		newDataSource().Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "gpucloud"}, &meta)
		check(meta.TypeName, "data_source")
	}
}
