package catalog

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func value(s string) Value {
	return Value{Attr: path.Root("instance_type"), Value: types.StringValue(s), What: "an instance type Verda offers", Where: "gpucloud_verda_instance_types"}
}

func TestCheck(t *testing.T) {
	valid := []string{"1H100.80S.22V", "1A100.22V", "CPU.4V.16G"}
	var diags diag.Diagnostics
	if !Check(&diags, value("1A100.22V"), valid, false, nil) || diags.HasError() {
		t.Fatalf("a listed value passes: %v", diags)
	}
	if Check(&diags, value("1a100.22v"), valid, false, nil) {
		t.Fatal("without fold the case counts")
	}
	d := diags[0]
	if !strings.Contains(d.Summary(), "instance_type") || !strings.Contains(d.Detail(), `"1a100.22v" is not an instance type Verda offers`) ||
		!strings.Contains(d.Detail(), "Valid values: 1A100.22V, 1H100.80S.22V, CPU.4V.16G.") {
		t.Fatalf("the error names the attribute, the value and the valid ones: %s / %s", d.Summary(), d.Detail())
	}
	diags = nil
	if !Check(&diags, value("1a100.22v"), valid, true, nil) {
		t.Fatal("with fold the case does not count")
	}
	for _, v := range []types.String{types.StringNull(), types.StringUnknown()} {
		if !Check(&diags, Value{Attr: path.Root("x"), Value: v}, valid, false, nil) {
			t.Fatal("null and unknown values are not checked")
		}
	}
	if !Check(&diags, value("anything"), nil, false, errors.New("HTTP 503")) || diags.HasError() || diags.WarningsCount() != 1 {
		t.Fatalf("a catalogue that cannot be read warns and lets the plan go on: %v", diags)
	}
}

func TestSuggestCutsLongListsToTheNearest(t *testing.T) {
	var valid []string
	for i := range 30 {
		valid = append(valid, fmt.Sprintf("type-%02d", i))
	}
	valid = append(valid, "1H100.80S.22V")
	got := Suggest("1H100.80S.2V", valid, "gpucloud_verda_instance_types")
	if !strings.HasPrefix(got, "The nearest of 31: 1H100.80S.22V,") || !strings.HasSuffix(got, "gpucloud_verda_instance_types lists them all.") {
		t.Fatalf("%s", got)
	}
	if got := Suggest("x", nil, ""); got != "There are none right now." {
		t.Fatal(got)
	}
}
