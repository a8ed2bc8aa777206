package provider

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
)

// The registry pages are generated from the schemas: every resource and data
// source, and every attribute in them, nested ones included, has a
// description; every attribute whose change forces a replacement says so;
// and every timeouts argument states its defaults.
func TestSchemasDocumentThemselves(t *testing.T) {
	ctx := context.Background()
	p := New("test")()
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "gpucloud"}, &meta)
		var resp resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &resp)
		if strings.TrimSpace(resp.Schema.MarkdownDescription) == "" {
			t.Errorf("%s has no description", meta.TypeName)
		}
		checkAttributes(ctx, t, meta.TypeName, reflect.ValueOf(resp.Schema.Attributes), true)
	}
	for _, newDataSource := range p.DataSources(ctx) {
		d := newDataSource()
		var meta datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "gpucloud"}, &meta)
		var resp datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &resp)
		if strings.TrimSpace(resp.Schema.MarkdownDescription) == "" {
			t.Errorf("%s has no description", meta.TypeName)
		}
		checkAttributes(ctx, t, meta.TypeName, reflect.ValueOf(resp.Schema.Attributes), false)
	}
}

// checkAttributes walks a map of schema attributes by reflection, since the
// attribute types of resources and data sources share no interface that
// reaches their plan modifiers and nested attributes.
func checkAttributes(ctx context.Context, t *testing.T, where string, attributes reflect.Value, resource bool) {
	t.Helper()
	keys := attributes.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	for _, k := range keys {
		name := where + "." + k.String()
		a := attributes.MapIndex(k).Elem()
		desc := a.FieldByName("MarkdownDescription").String() + a.FieldByName("Description").String()
		if strings.TrimSpace(desc) == "" {
			t.Errorf("%s has no description", name)
		}
		if k.String() == "timeouts" && resource && !strings.Contains(desc, "default") {
			t.Errorf("%s does not state its defaults: %q", name, desc)
		}
		if mods := a.FieldByName("PlanModifiers"); mods.IsValid() {
			for i := range mods.Len() {
				m := mods.Index(i).Interface().(interface{ Description(context.Context) string })
				if planmod.ForcesReplacement(ctx, m) && !strings.Contains(strings.ToLower(desc), "replace") {
					t.Errorf("%s forces a replacement, which its description does not say: %q", name, desc)
				}
			}
		}
		if a.FieldByName("AttributeTypes").IsValid() || isObjectType(a.FieldByName("ElementType")) {
			t.Errorf("%s holds objects whose fields have no descriptions: make it a nested attribute", name)
		}
		if nested := a.FieldByName("Attributes"); nested.IsValid() && nested.Kind() == reflect.Map {
			checkAttributes(ctx, t, name, nested, resource)
		}
		if object := a.FieldByName("NestedObject"); object.IsValid() {
			checkAttributes(ctx, t, name, object.FieldByName("Attributes"), resource)
		}
	}
}

func isObjectType(elem reflect.Value) bool {
	if !elem.IsValid() || elem.IsNil() {
		return false
	}
	_, ok := elem.Interface().(basetypes.ObjectTypable)
	return ok
}
